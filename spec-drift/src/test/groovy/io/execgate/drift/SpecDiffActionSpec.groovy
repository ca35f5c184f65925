package io.execgate.drift

import groovy.yaml.YamlSlurper
import spock.lang.Shared
import spock.lang.Specification

/**
 * The composite GitHub Action, action.yml (issue 18, item 8), read as GitHub reads it: the inputs
 * the issue names, scripts that take inputs as variables only, and only options spec-diff knows.
 * It is not run here (that needs GitHub's runner).
 */
class SpecDiffActionSpec extends Specification {
    static final File ROOT = new File(System.getProperty('execgate.root', '..'))

    @Shared Map action = new YamlSlurper().parse(new File(ROOT, 'action.yml')) as Map

    def "a composite action with the inputs old, new, vendor, fail-on, format"() {
        expect:
        action.runs.using == 'composite'
        action.inputs.keySet().containsAll(['old', 'new', 'vendor', 'fail-on', 'format'])
        action.inputs.old.required && action.inputs.new.required
        action.inputs['fail-on'].default == 'drift'
    }

    def "every script step names its shell and takes no input pasted into it"() {
        given:
        def scripts = action.runs.steps.findAll { it.run }

        expect:
        scripts.size() >= 3
        scripts.every { it.shell == 'bash' }
        scripts.every { !(it.run =~ /\$\{\{/) }
    }

    def "the spec-diff options it passes are the command's, and the jar it runs is the one the build writes"() {
        given:
        def script = action.runs.steps.find { it.id == 'diff' }.run
        def options = (script =~ /--[a-z-]+/).collect { it } as Set

        expect:
        options == ['--fail-on', '--vendor', '--accept', '--format'] as Set
        options.every { SpecDiff.USAGE.contains("[$it ") }
        action.runs.steps.find { it.id == 'diff' }.env.JAR.endsWith('/gateway/target/execgate.jar')
        new File(ROOT, 'gateway/pom.xml').text.contains('<outputFile>${project.build.directory}/execgate.jar</outputFile>')
        ['text', 'markdown', 'json', 'sarif'].every { SpecDiff.USAGE.contains(it) }
    }
}
