package io.execgate.image

import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurper
import org.yaml.snakeyaml.Yaml
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/**
 * The image Jib wrote ({@code target/execgate-image.tar}) and the Kubernetes manifest that runs it
 * ({@code deploy/kubernetes/execgate.yaml}): the image's configuration says what a container
 * runtime will do; the manifest agrees with it; and the image's layers, unpacked and started the
 * way a runtime would with the manifest's settings (user 10001, read-only root, tmpfs /tmp, its
 * own /proc: {@code unshare} + {@code chroot}, since these machines have no container engine),
 * serve a retry configured only through the manifest's environment variables.
 */
@IgnoreIf(value = { !ContainerImageIT.root() && !System.getenv('CI') }, reason = 'unshare/chroot need root (CI runs as root)')
class ContainerImageIT extends Specification {
    static final Path TAR = Path.of(System.getProperty('execgate.image.tar'))
    static final Path ROOT = Path.of(System.getProperty('execgate.root'))
    static final List<Map> MANIFEST = new Yaml().loadAll(Files.readString(ROOT.resolve('deploy/kubernetes/execgate.yaml'))).toList() as List<Map>
    static final Map POD = MANIFEST.find { it.kind == 'Deployment' }.spec.template.spec as Map
    static final String VENDOR_KEY = 'sk-image-Secret-0101'
    static final String CLIENT_KEY = 'client-image-Secret-0102'

    @Shared Path unpacked = Files.createTempDirectory('execgate-image')
    @Shared Map manifest
    @Shared Map config
    Map pod = POD
    Map container = POD.containers[0] as Map

    def setupSpec() {
        run(['tar', '-xf', TAR.toString(), '-C', unpacked.toString()])
        manifest = (new JsonSlurper().parse(unpacked.resolve('manifest.json').toFile()) as List)[0] as Map
        config = new JsonSlurper().parse(unpacked.resolve(manifest.Config as String).toFile()) as Map
    }

    def cleanupSpec() {
        unpacked?.toFile()?.deleteDir()
    }

    def "the image runs the gateway as a non-root user, with container JVM flags"() {
        expect:
        config.config.User == '10001:10001'
        config.config.Entrypoint == ['/opt/java/bin/java', '@/opt/execgate/jvm-options',
                                     '-cp', '@/app/jib-classpath-file', 'io.execgate.gateway.Application']
        config.config.Cmd == ['run']
        config.config.ExposedPorts.keySet() == ['8080/tcp'] as Set
        'EXECGATE_LOG_FORMAT=json' in config.config.Env
        'JDK_JAVA_OPTIONS=-XX:+UseSerialGC -Xms64m -XX:MaxRAMPercentage=75.0 -XX:CompileThresholdScaling=8' in config.config.Env
    }

    def "the image's JVM maps the AOT cache its build recorded from a training run of the image itself (Java 25+)"() {
        given:
        Path rootfs = unpack()
        int java = (Files.readString(rootfs.resolve('opt/java/release')) =~ /JAVA_VERSION="(\d+)/).with { it.find(); it.group(1) as int }
        List<String> options = Files.readAllLines(rootfs.resolve('opt/execgate/jvm-options'))
        Path log = Path.of('target/container-classes.log')

        when: "the image's entrypoint, environment and user; the JVM says where each class came from and its flags"
        def process = start(rootfs, imageEnv() + [JAVA_TOOL_OPTIONS: '-Xlog:class+load=info:stdout -XX:+PrintFlagsFinal'], log, ['spec-diff'])
        boolean ended = process.waitFor(60, TimeUnit.SECONDS)
        List<String> lines = Files.readAllLines(log)
        Map<String, String> flags = lines.collect { it =~ /^\s+\S+\s+(\w+)\s+:?= (\S*)/ }.findAll { it.find() }
                .collectEntries { [(it.group(1)): it.group(2)] }

        then: 'on Java 25+, the gateway classes and thousands of others come from the cache, not from /app/libs'
        ended
        (java >= 25) == ('-XX:AOTCache=/opt/execgate/execgate.aot' in options)
        lines.any { it.endsWith(' io.execgate.gateway.Application source: shared objects file') } == (java >= 25)
        lines.count { it.endsWith(' source: shared objects file') } > (java >= 25 ? 5000 : 0)

        and: "the image's JVM defaults"
        flags.UseSerialGC == 'true'
        flags.InitialHeapSize as long == 64L << 20
        flags.MaxRAMPercentage == '75.000000'
        flags.CompileThresholdScaling == '8.000000'
        flags.ExitOnOutOfMemoryError == 'true'

        cleanup:
        stop(process)
        rootfs?.toFile()?.deleteDir()
    }

    def "the Kubernetes manifest runs the image as it is built"() {
        expect:
        manifest.RepoTags == [container.image]
        container.ports*.containerPort == config.config.ExposedPorts.keySet().collect { (it - '/tcp') as int }
        "${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}" == config.config.User
        pod.securityContext.runAsNonRoot
        container.securityContext.readOnlyRootFilesystem
        container.volumeMounts*.mountPath == ['/tmp']
        container.startupProbe.httpGet.path == '/health/liveness'
        container.livenessProbe.httpGet.path == '/health/liveness'
        container.readinessProbe.httpGet.path == '/health/readiness'
    }

    def "started as the manifest says, it serves a retry configured only by its environment"() {
        given: 'the vendor the manifest configures, on 127.0.0.1'
        def calls = new CopyOnWriteArrayList<Map>()
        def vendor = skyvernVendor(calls)
        Path rootfs = unpack()
        int port = freePort()

        and: "the manifest's environment: its values, keys from its Secret (test values), the vendor URL pointed here"
        Map<String, String> secrets = ['skyvern-api-key': VENDOR_KEY, 'ci-client-key': CLIENT_KEY]
        Map<String, String> env = (container.env as List<Map>).collectEntries { Map e ->
            String value = e.valueFrom ? secrets[e.valueFrom.secretKeyRef.key] : e.value
            [(e.name): e.name == 'EXECGATE_VENDORS_SKYVERN_URL' ? "http://127.0.0.1:${vendor.address.port}".toString() : value]
        } + [MICRONAUT_SERVER_PORT: port as String]

        and: 'the container: user 10001, root file system read-only, /tmp a fresh tmpfs, its own /proc and pids'
        def process = start(rootfs, env + imageEnv(), Path.of('target/container.log'))

        when:
        awaitReady(port, process, 90)
        def probes = [container.livenessProbe, container.readinessProbe].collect { http('GET', port, it.httpGet.path, [:]).statusCode() }
        def answer = http('POST', port, '/v1/executions/skyvern/wr_378585933662794563/retry',
                [Authorization: "Bearer $CLIENT_KEY".toString()])
        def processUser = javaProcessUid(process)
        List<String> lines = Files.readAllLines(Path.of('target/container.log'))

        then: 'the probes answer; the vendor got exactly one call, with the key from the Secret; the client a 202'
        probes == [200, 200]
        answer.statusCode() == 202
        new JsonSlurper().parseText(answer.body()).vendor == 'skyvern'
        calls.size() == 1
        calls[0].key == VENDOR_KEY

        and: 'the gateway runs as 10001 and logs JSON lines, none an error, none carrying a key'
        processUser == '10001'
        def logged = lines.findAll { it.startsWith('{') }.collect { new JsonSlurper().parseText(it) }
        logged.any { it.logger_name == 'execgate.request' }
        logged.findAll { it.level == 'ERROR' }*.message == []
        lines.every { !it.contains(VENDOR_KEY) && !it.contains(CLIENT_KEY) }

        cleanup:
        stop(process)
        vendor?.stop(0)
        rootfs?.toFile()?.deleteDir()
    }

    /**
     * What a container runtime does, in a few lines of shell: new mount and pid namespaces, the
     * root bound read-only, /proc and a tmpfs /tmp mounted, then the image's entrypoint and
     * command as the image's user.
     */
    private Process start(Path rootfs, Map<String, String> env, Path log, List<String> cmd = config.config.Cmd as List<String>) {
        String script = '''set -e
root="$1"; user="$2"; shift 2
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
exec /usr/sbin/chroot --userspec="$user" "$root" "$@"'''
        List<String> command = ['/usr/bin/unshare', '--fork', '--pid', '--mount', '--kill-child',
                                '/bin/sh', '-c', script, 'container', rootfs.toString(), config.config.User as String] +
                (config.config.Entrypoint as List<String>) + cmd
        def builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        builder.environment().clear()
        builder.environment().putAll(env + [PATH: '/usr/sbin:/usr/bin:/sbin:/bin'])
        builder.start()
    }

    /** The layers in manifest order, each over the last, plus the mount point a runtime provides. */
    private Path unpack() {
        // a runtime's root directory is world-readable; a temporary directory is not
        Path rootfs = Files.createTempDirectory('execgate-rootfs', PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rwxr-xr-x')))
        manifest.Layers.each { layer -> run(['tar', '--warning=no-unknown-keyword', '-xzf', unpacked.resolve(layer as String).toString(), '-C', rootfs.toString()]) }
        Files.createDirectories(rootfs.resolve('proc'))
        // the devices every OCI runtime provides (without /dev/urandom the JVM's SecureRandom stalls on seeding)
        Files.createDirectories(rootfs.resolve('dev'))
        [null: 3, zero: 5, full: 7, random: 8, urandom: 9].each { name, minor ->
            run(['mknod', '-m', '666', rootfs.resolve("dev/$name").toString(), 'c', '1', minor as String])
        }
        rootfs
    }

    private Map<String, String> imageEnv() {
        (config.config.Env as List<String>).collectEntries { it.split('=', 2) as List }
    }

    /** Skyvern's retry answer from the gateway's test fixtures; records the key each call carried. */
    private static HttpServer skyvernVendor(List<Map> calls) {
        byte[] body = Files.readAllBytes(ROOT.resolve('gateway/src/test/resources/vendors/skyvern/retry-200.json'))
        def server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
        server.createContext('/') { exchange ->
            exchange.requestBody.readAllBytes()
            calls << [path: exchange.requestURI.rawPath, key: exchange.requestHeaders.getFirst('x-api-key')]
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        server.start()
        server
    }

    private static void awaitReady(int port, Process process, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < deadline) {
            if (!process.alive) {
                throw new IllegalStateException("the container process ended with ${process.waitFor()} (target/container.log)")
            }
            try {
                if (http('GET', port, '/health/readiness', [:]).statusCode() == 200) {
                    return
                }
            } catch (IOException notYet) {
            }
            Thread.sleep(100)
        }
        throw new IllegalStateException("the container did not become ready within ${seconds}s (target/container.log)")
    }

    private static HttpResponse<String> http(String method, int port, String path, Map<String, String> headers) {
        def request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:$port$path")).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
        headers.each { k, v -> request.header(k, v) }
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
    }

    /** The real uid of the container's java process (a descendant of {@code process}), as the kernel reports it. */
    private static String javaProcessUid(Process process) {
        def java = process.toHandle().descendants().filter { it.info().command().orElse('').endsWith('/java') }.findFirst()
        assert java.present: 'no java process runs in the container'
        Files.readAllLines(Path.of("/proc/${java.get().pid()}/status")).find { it.startsWith('Uid:') }.split(/\s+/)[1]
    }

    /**
     * SIGTERM to the container's processes, as a runtime stops a container (unshare's --kill-child
     * cannot reach java: changing user clears the parent-death signal).
     */
    private static void stop(Process process) {
        if (process == null) {
            return
        }
        def all = process.toHandle().descendants().toList() + [process.toHandle()]
        all.each { it.destroy() }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15)
        while (all.any { it.alive } && System.nanoTime() < deadline) {
            Thread.sleep(50)
        }
        all.findAll { it.alive }.each { it.destroyForcibly() }
    }

    private static void run(List<String> command) {
        def process = new ProcessBuilder(command).redirectErrorStream(true).start()
        String output = process.inputStream.text
        assert process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0: "$command: $output"
    }

    private static int freePort() {
        new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
    }

    static boolean root() {
        new ProcessBuilder('id', '-u').start().inputStream.text.trim() == '0'
    }
}
