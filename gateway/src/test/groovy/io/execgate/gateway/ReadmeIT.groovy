package io.execgate.gateway

import groovy.json.JsonSlurper
import io.execgate.gateway.support.Gateway
import io.execgate.gateway.support.Launched
import io.execgate.gateway.support.SameAnswer
import io.execgate.sandbox.Sandbox
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * Every {@code curl} in README.md, copied as a newcomer copies it, answers what the README shows:
 * those at {@code 127.0.0.1:8080} against {@code ./execgate demo}, those at a simulator's port
 * (8101–8104) against {@code ./execgate sandbox}, each on free ports here. The README shows a status
 * for each: an {@code http} block right after the command's block (its status line, header names and
 * body, where only fresh ids and times may differ), or a trailing {@code # 201} comment. A curl it
 * shows no status for, or at an address neither serves, fails this: none can drift.
 */
class ReadmeIT extends Specification {
    /** One curl command of the README and what the README says it answers. */
    static class Shown {
        int line
        String command
        int status
        List<String> headers = []
        Object body

        @Override
        String toString() { "line $line" }
    }

    static final String README = Files.readString(Gateway.ROOT.resolve('README.md'))
    static final String DEMO_ORIGIN = 'http://127.0.0.1:8080'

    @Shared int demoPort = Launched.freePort()
    @Shared Map<Integer, Integer> simulatorPorts = Sandbox.DEFAULT_PORTS.values().collectEntries { [(it): Launched.freePort()] }
    @Shared @AutoCleanup Launched demo
    @Shared @AutoCleanup Launched sandbox

    def setupSpec() {
        demo = new Launched(Gateway.ROOT, ['./execgate', 'demo'], [PORT: demoPort as String])
        String opts = Sandbox.DEFAULT_PORTS.collect { vendor, port -> "-Dexecgate.sandbox.${vendor}.port=${simulatorPorts[port]}" }.join(' ')
        sandbox = new Launched(Gateway.ROOT, ['./execgate', 'sandbox'], [JAVA_OPTS: opts])
        demo.awaitLine(120) { it.startsWith('Gateway: ') }
        sandbox.awaitLine(120) { it.contains('EXECGATE_VENDORS_') }
    }

    def "the README's #shown.command answers #shown.status as shown (#shown)"() {
        when:
        def answer = run(shown.command)

        then:
        answer.status == shown.status
        shown.headers.every { name -> answer.headers.containsKey(name.toLowerCase()) }
        shown.body == null || SameAnswer.differences(shown.body, new JsonSlurper().parseText(answer.body)) == []

        where:
        shown << curls()
    }

    /** Every curl command in an {@code sh} block, with what the README shows it answers. */
    static List<Shown> curls() {
        List<Shown> found = []
        List<Map> blocks = fencedBlocks()
        blocks.eachWithIndex { block, i ->
            if (block.lang != 'sh') {
                return
            }
            List<Map> commands = commands(block).findAll { it.text.startsWith('curl ') }
            Map next = i + 1 < blocks.size() && blocks[i + 1].lang == 'http' && blocks[i + 1].start == block.end + 1 ? blocks[i + 1] : null
            commands.each { command ->
                def comment = command.text =~ /#\s*(\d{3})\b[^']*$/
                Shown shown = new Shown(line: command.line, command: command.text.replaceFirst(/\s+#[^']*$/, ''))
                if (comment.find()) {
                    shown.status = comment.group(1) as int
                } else if (next != null && commands.size() == 1) {
                    List<String> lines = next.lines
                    shown.status = (lines[0] =~ /^HTTP\/1\.1 (\d{3}) /).with { assert it.find(): "line $command.line: no status line"; it.group(1) as int }
                    int blank = lines.indexOf('')
                    shown.headers = lines.subList(1, blank < 0 ? lines.size() : blank).collect { it.substring(0, it.indexOf(':')) }
                    shown.body = blank < 0 ? null : new JsonSlurper().parseText(lines.subList(blank + 1, lines.size()).join('\n'))
                } else {
                    throw new AssertionError("README line $command.line: a curl with no status shown (an http block after it, or '# 200'): $command.text")
                }
                found << shown
            }
        }
        assert found.size() >= 7: 'the README has lost its curl examples'
        found
    }

    private static List<Map> fencedBlocks() {
        List<Map> blocks = []
        Map open = null
        README.readLines().eachWithIndex { String text, int i ->
            if (text.startsWith('```')) {
                if (open == null) {
                    open = [lang: text.substring(3).trim(), start: i + 1, lines: []]
                } else {
                    open.end = i + 1
                    blocks << open
                    open = null
                }
            } else if (open != null) {
                open.lines << text
            }
        }
        blocks
    }

    /** A block's commands, continuation lines joined, each with the README line it starts on. */
    private static List<Map> commands(Map block) {
        List<Map> commands = []
        Map current = null
        block.lines.eachWithIndex { String text, int i ->
            if (current == null) {
                current = [line: block.start + 1 + i, text: '']
            }
            current.text += text.endsWith('\\') ? text[0..-2] : text
            if (!text.endsWith('\\')) {
                current.text = current.text.trim().replaceAll(/\s+/, ' ')
                commands << current
                current = null
            }
        }
        commands
    }

    /** Runs the command through bash as copied, pointed at this run's ports, and reads its answer. */
    private Map run(String command) {
        String pointed = command.replace(DEMO_ORIGIN, "http://127.0.0.1:$demoPort")
                .replaceAll(/http:\/\/127\.0\.0\.1:(81\d\d)/) { all, port ->
                    assert simulatorPorts.containsKey(port as int): "a README curl at port $port, which no simulator has"
                    "http://127.0.0.1:${simulatorPorts[port as int]}"
                }
        assert !pointed.contains('127.0.0.1:8080') && pointed ==~ /curl .*http:\/\/127\.0\.0\.1:\d+\/.*/
        File headers = File.createTempFile('readme', '.headers')
        File body = File.createTempFile('readme', '.body')
        try {
            def process = new ProcessBuilder('bash', '-c', pointed.replaceFirst('^curl ',
                    "curl -s -D ${headers} -o ${body} -w '%{http_code}' --max-time 20 ")).redirectErrorStream(true).start()
            String printed = process.inputStream.text
            assert process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0: printed
            String text = body.text
            if (text.startsWith('HTTP/')) { // the command's own -i put the head in the body too
                text = text.substring(text.indexOf('\r\n\r\n') + 4)
            }
            Map<String, String> heads = headers.readLines().findAll { it.contains(':') }
                    .collectEntries { [(it.substring(0, it.indexOf(':')).toLowerCase()): it.substring(it.indexOf(':') + 1).trim()] }
            [status: printed.trim() as int, headers: heads, body: text]
        } finally {
            headers.delete()
            body.delete()
        }
    }
}
