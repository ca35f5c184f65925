package io.execgate.gateway

import io.execgate.gateway.support.Gateway
import spock.lang.AutoCleanup
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * The API docs: {@code specs/gateway.yaml} served at {@code /openapi/gateway.yaml}, Swagger UI over
 * it at {@code /docs/}, both without a client key; and a real browser (headless Chromium, installed
 * by {@code .ci/run}) that opens the page, finds the retry operation and lists its own origin as the server.
 */
class ApiDocsSpec extends Specification {
    @Shared @AutoCleanup Gateway gateway = new Gateway()
    @Shared HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    def "#path is served without a client key, as #type"() {
        when:
        def answer = fetch(path)

        then:
        answer.statusCode() == 200
        answer.headers().firstValue('Content-Type').orElse('').startsWith(type)
        answer.body().contains(content)

        where:
        path                                   | type                     || content
        '/docs/'                               | 'text/html'              || "url: '/openapi/gateway.yaml'"
        '/docs/swagger-ui/swagger-ui-bundle.js' | 'application/javascript' || 'SwaggerUIBundle'
        '/docs/swagger-ui/swagger-ui.css'      | 'text/css'               || '.swagger-ui'
        '/openapi/gateway.yaml'                | 'application/yaml'       || Files.readString(Gateway.ROOT.resolve('specs/gateway.yaml'))
    }

    @IgnoreIf(value = { !ApiDocsSpec.chromium() && !System.getenv('CI') }, reason = 'no chromium on PATH (CI installs it)')
    def "a browser opening /docs/ finds the retry operation, expanded from its deep link"() {
        when:
        String dom = browse("/docs/#/executions/retryExecution")

        then: 'Swagger UI rendered the document it fetched: every path, the retry operation open'
        dom.contains('data-path="/v1/executions/{vendor}/{executionId}/retry"')
        dom.contains('data-path="/v1/executions/{vendor}/{executionId}"')
        dom.contains('Retry an execution at a vendor')
        dom.contains('Try it out')

        and: 'the real examples are on the page'
        dom.contains('Skyvern: a new run of the same workflow')

        and: "the one server listed (what Try it out calls) is the page's origin, not the document's localhost:8080"
        servers(dom) == ["http://127.0.0.1:${gateway.server.port}".toString()]
    }

    /** The values of Swagger UI's server list ({@code <select>} in its scheme container). */
    private static List<String> servers(String dom) {
        String select = dom.find(/(?s)<select id="servers">.*?<\/select>/)
        assert select: 'Swagger UI rendered no server list'
        select.findAll(/<option value="([^"]*)"/) { match, url -> url }
    }

    private HttpResponse<String> fetch(String path) {
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${gateway.server.port}$path"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
    }

    /** The page's DOM after its scripts ran (virtual time, so no waiting on timers); at most 60 s. */
    private String browse(String path) {
        String browser = chromium()
        assert browser: 'chromium is not on PATH: .ci/run installs it (apt-get install chromium)'
        Path profile = Files.createTempDirectory('execgate-chromium')
        Path out = Path.of('target/test-traffic/chromium.log')
        Files.createDirectories(out.parent)
        def process = new ProcessBuilder(browser, '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                "--user-data-dir=$profile", '--virtual-time-budget=20000', '--dump-dom',
                "http://127.0.0.1:${gateway.server.port}$path")
                .redirectError(out.toFile())
                .start()
        def dom = new ByteArrayOutputStream()
        def reader = Thread.start { dom << process.inputStream }
        boolean finished = process.waitFor(60, TimeUnit.SECONDS)
        if (!finished) {
            process.destroyForcibly()
        }
        reader.join(5_000)
        profile.toFile().deleteDir()
        assert finished: 'chromium did not finish within 60 s (its output: target/test-traffic/chromium.log)'
        dom.toString('UTF-8')
    }

    static String chromium() {
        ['chromium', 'chromium-browser'].collect { name ->
            System.getenv('PATH').tokenize(File.pathSeparator).collect { Path.of(it, name) }.find { Files.isExecutable(it) }
        }.find()?.toString()
    }
}
