package io.execgate.gateway

import io.execgate.gateway.support.TestTraffic
import spock.lang.Specification

import java.nio.file.Files

/**
 * Runs after the whole suite (failsafe, after surefire): no vendor or client key any test configured
 * appears in any answer the gateway gave or in any line it logged, exception traces included. A
 * finding is reported with the secret masked, so the failure itself leaks nothing.
 */
class SecretsNeverLeakIT extends Specification {

    def "no configured secret in #what"() {
        given:
        Set<String> secrets = Files.readAllLines(TestTraffic.SECRETS).findAll { it.length() >= 8 } as Set
        List<String> lines = Files.readAllLines(file)

        when:
        int searched = lines.size()
        List<String> leaks = []
        lines.eachWithIndex { line, i ->
            def found = secrets.findAll { line.contains(it) }
            if (found) {
                leaks << "line ${i + 1}: " + found.inject(line) { masked, secret -> masked.replace(secret, '***') }.take(200)
            }
        }

        then: 'the suite ran and recorded something to search'
        secrets.size() >= 7
        searched > minimum

        and:
        leaks == []

        where:
        what                    | file                                   | minimum
        "the gateway's answers" | TestTraffic.ANSWERS                    | 1_000
        "the suite's log lines" | TestTraffic.DIR.resolve('gateway.log') | 20
    }
}
