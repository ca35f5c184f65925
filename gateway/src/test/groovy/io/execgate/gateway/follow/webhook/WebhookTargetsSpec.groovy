package io.execgate.gateway.follow.webhook

import io.execgate.gateway.follow.FollowProperties
import io.execgate.gateway.problem.GatewayProblem
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.ExecutionException
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.ThreadPoolExecutor
import java.util.concurrent.TimeUnit

import static io.execgate.gateway.follow.webhook.WebhookTargets.BAD_PORT
import static io.execgate.gateway.follow.webhook.WebhookTargets.HOST_NOT_ALLOWED
import static io.execgate.gateway.follow.webhook.WebhookTargets.MALFORMED
import static io.execgate.gateway.follow.webhook.WebhookTargets.NOT_HTTPS
import static io.execgate.gateway.follow.webhook.WebhookTargets.NOT_HTTP_OR_HTTPS
import static io.execgate.gateway.follow.webhook.WebhookTargets.NOT_PUBLIC
import static io.execgate.gateway.follow.webhook.WebhookTargets.NO_HOST
import static io.execgate.gateway.follow.webhook.WebhookTargets.TOO_LONG
import static io.execgate.gateway.follow.webhook.WebhookTargets.UNRESOLVED
import static io.execgate.gateway.follow.webhook.WebhookTargets.USER_INFO

/**
 * A webhook URL is the client's choice and the gateway POSTs to it from inside the operator's
 * network: these are the rules that keep that from becoming a way into the network (SSRF). Hosts
 * here are IP literals, {@code localhost} or {@code .invalid} names, so no test depends on DNS.
 */
class WebhookTargetsSpec extends Specification {
    /** A pool that counts its tasks: lookups must run on it, not on the caller's thread. */
    @AutoCleanup('shutdownNow')
    ThreadPoolExecutor blocking = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>())

    def "#address is #verdict"() {
        expect:
        WebhookTargets.isPublic(InetAddress.getByName(address)) == public_

        where:
        address                                 | public_
        // IPv4, public
        '8.8.8.8'                               | true
        '1.1.1.1'                               | true
        '100.63.255.255'                        | true
        '100.128.0.0'                           | true
        '172.15.255.255'                        | true
        '172.32.0.0'                            | true
        '192.0.1.1'                             | true
        '192.169.0.1'                           | true
        '198.17.255.255'                        | true
        '198.20.0.0'                            | true
        '223.255.255.255'                       | true
        // IPv4, not public
        '0.0.0.0'                               | false
        '0.1.2.3'                               | false
        '10.0.0.1'                              | false
        '10.255.255.255'                        | false
        '100.64.0.1'                            | false
        '100.100.100.200'                       | false
        '100.127.255.255'                       | false
        '127.0.0.1'                             | false
        '127.255.255.254'                       | false
        '169.254.169.254'                       | false
        '169.254.0.1'                           | false
        '172.16.0.1'                            | false
        '172.31.255.255'                        | false
        '192.0.0.8'                             | false
        '192.168.1.1'                           | false
        '198.18.0.1'                            | false
        '198.19.255.255'                        | false
        '224.0.0.1'                             | false
        '239.255.255.250'                       | false
        '240.0.0.1'                             | false
        '255.255.255.255'                       | false
        // IPv6, public
        '2606:4700:4700::1111'                  | true
        '2001:4860:4860::8888'                  | true
        '2a00:1450:4001:80b::200e'              | true
        // IPv6, not public
        '::'                                    | false
        '::1'                                   | false
        'fe80::1'                               | false
        'febf:ffff::1'                          | false
        'fec0::1'                               | false
        'fc00::1'                               | false
        'fd00:ec2::254'                         | false
        'fdff:ffff::1'                          | false
        'ff02::1'                               | false
        'ff0e::1'                               | false
        '2001:0:4136:e378:8000:63bf:3fff:fdd2'  | false
        '64:ff9b:1::a00:1'                      | false
        // IPv6 carrying an IPv4 address: judged by it
        '::ffff:8.8.8.8'                        | true
        '::ffff:127.0.0.1'                      | false
        '::ffff:169.254.169.254'                | false
        '::ffff:0:8.8.8.8'                      | true
        '::ffff:0:10.0.0.1'                     | false
        '::8.8.8.8'                             | true
        '::127.0.0.1'                           | false
        '::192.168.0.1'                         | false
        '64:ff9b::8.8.8.8'                      | true
        '64:ff9b::10.0.0.1'                     | false
        '64:ff9b::169.254.169.254'              | false
        '64:ff9b::100.100.100.200'              | false
        '2002:808:808::1'                       | true
        '2002:7f00:1::'                         | false
        '2002:a9fe:a9fe::1'                     | false
        '2002:c0a8:101::1'                      | false

        verdict = public_ ? 'public' : 'not public'
    }

    def "an IPv4-mapped address kept in its 16-byte IPv6 form is judged by its IPv4 part: #ipv4"() {
        given: 'InetAddress.getByName turns ::ffff:a.b.c.d into an IPv4 address; Inet6Address.getByAddress does not'
        byte[] bytes = new byte[16]
        bytes[10] = (byte) 0xff
        bytes[11] = (byte) 0xff
        System.arraycopy(InetAddress.getByName(ipv4).address, 0, bytes, 12, 4)
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1)

        expect:
        mapped instanceof Inet6Address
        WebhookTargets.isPublic(mapped) == public_

        where:
        ipv4              | public_
        '8.8.8.8'         | true
        '127.0.0.1'       | false
        '169.254.169.254' | false
        '10.1.2.3'        | false
    }

    def "#url is refused: #reason"() {
        when:
        def problem = refusal(targets(false).check(url, null))

        then:
        problem.status() == 400
        problem.errors()*.location == ['body.notify.url']
        problem.errors()*.message == [reason]

        where:
        url                                               | reason
        'http://8.8.8.8/hook'                             | NOT_HTTPS
        'ftp://8.8.8.8/hook'                              | NOT_HTTPS
        'ws://8.8.8.8/hook'                               | NOT_HTTPS
        '/relative/hook'                                  | NOT_HTTPS
        '8.8.8.8/hook'                                    | NOT_HTTPS
        ''                                                | NOT_HTTPS
        null                                              | NOT_HTTPS
        'https://user:password@8.8.8.8/hook'              | USER_INFO
        'https://user@8.8.8.8/hook'                       | USER_INFO
        'https:///hook'                                   | NO_HOST
        'https:opaque-part'                               | NO_HOST
        'https://exa mple.com/hook'                       | MALFORMED
        'https://8.8.8.8:0/hook'                          | BAD_PORT
        'https://8.8.8.8/' + 'a' * 2033                   | TOO_LONG
        'https://no-such-host.invalid/hook'               | UNRESOLVED
        'https://localhost/hook'                          | NOT_PUBLIC
        'https://LOCALHOST./hook'                         | NOT_PUBLIC
        'https://127.0.0.1/hook'                          | NOT_PUBLIC
        'https://[::1]/hook'                              | NOT_PUBLIC
        'https://10.0.0.1:8443/hook'                      | NOT_PUBLIC
        'https://169.254.169.254/latest/meta-data/'       | NOT_PUBLIC
        'https://100.100.100.200/latest/meta-data/'       | NOT_PUBLIC
        'https://[fd00:ec2::254]/latest/meta-data/'       | NOT_PUBLIC
        'https://[::ffff:10.0.0.1]/hook'                  | NOT_PUBLIC
        'https://[64:ff9b::a9fe:a9fe]/hook'               | NOT_PUBLIC
        'https://0.0.0.0/hook'                            | NOT_PUBLIC
    }

    def "#url passes, the lookup made on the blocking executor"() {
        when:
        URI checked = targets(false).check(url, null).get(5, TimeUnit.SECONDS)

        then:
        checked == URI.create(url)
        blocking.taskCount == 1

        where:
        url << ['https://8.8.8.8/hook', 'HTTPS://8.8.8.8/hook?event=done#x', 'https://[2606:4700:4700::1111]:8443/hook',
                'https://8.8.8.8/' + 'a' * 2032]
    }

    def "with allow-private-targets, #url passes"() {
        expect:
        targets(true).check(url, null).get(5, TimeUnit.SECONDS) == URI.create(url)

        where:
        url << ['http://127.0.0.1:8080/hook', 'https://127.0.0.1/hook', 'http://localhost/hook', 'https://[::1]:9443/hook',
                'http://10.0.0.1/hook', 'http://169.254.169.254/hook']
    }

    def "with allow-private-targets, #url is still refused: #reason"() {
        when:
        def problem = refusal(targets(true).check(url, null))

        then:
        problem.errors()*.message == [reason]

        where:
        url                              | reason
        'ftp://127.0.0.1/hook'           | NOT_HTTP_OR_HTTPS
        'http://user@localhost/hook'     | USER_INFO
        'http:///hook'                   | NO_HOST
        'http://no-such-host.invalid/'   | UNRESOLVED
    }

    def "the client's webhook-hosts are checked before any lookup: #url against #allowed is refused"() {
        when:
        def problem = refusal(targets(false).check(url, allowed))

        then:
        problem.errors()*.message == [HOST_NOT_ALLOWED]
        blocking.taskCount == 0

        where:
        url                                 | allowed
        'https://8.8.8.8/hook'              | ['1.1.1.1']
        'https://example.com/hook'          | ['*.example.com']
        'https://evil-example.com/hook'     | ['*.example.com']
        'https://example.com.evil.net/hook' | ['example.com', '*.example.com']
        'https://hooks.example.org/hook'    | ['hooks.example.com']
    }

    def "a host on the client's list still has to resolve to public addresses"() {
        expect:
        targets(false).check('https://8.8.8.8/hook', ['8.8.8.8']).get(5, TimeUnit.SECONDS) == URI.create('https://8.8.8.8/hook')
        refusal(targets(false).check('https://127.0.0.1/hook', ['127.0.0.1'])).errors()*.message == [NOT_PUBLIC]
    }

    def "host #host against #allowed: #expected"() {
        expect:
        WebhookTargets.allowed(WebhookTargets.bare(host), allowed) == expected

        where:
        host                         | allowed                             | expected
        'hooks.example.com'          | null                                | true
        'hooks.example.com'          | []                                  | true
        'hooks.example.com'          | ['hooks.example.com']               | true
        'HOOKS.Example.COM'          | ['hooks.example.com']               | true
        'hooks.example.com'          | ['HOOKS.EXAMPLE.COM']               | true
        'hooks.example.com.'         | ['hooks.example.com']               | true
        'hooks.example.com'          | ['other.example.com', '*.example.com'] | true
        'a.b.example.com'            | ['*.example.com']                   | true
        'example.com'                | ['*.example.com']                   | false
        'notexample.com'             | ['*.example.com']                   | false
        'example.com.evil.net'       | ['*.example.com']                   | false
        'hooks.example.com'          | ['example.com']                     | false
        'example.com'                | ['hooks.example.com']               | false
        'hooks.example.com'          | ['*example.com']                    | false
        '[2606:4700:4700::1111]'     | ['2606:4700:4700::1111']            | true
    }

    def "a rejected URL is not echoed back: the reasons are fixed sentences"() {
        when:
        def problem = refusal(targets(false).check('https://secret-token@8.8.8.8/hook', null))

        then:
        !problem.errors()*.message.any { it.contains('secret-token') }
        !problem.detail().contains('secret-token')
        !problem.message.contains('secret-token')
    }

    def "the sender's lookup refuses a host with any non-public address, unless private targets are allowed"() {
        when:
        targets(false).resolve(host)

        then:
        thrown(BlockedTargetException)

        when:
        InetAddress[] allowed = targets(true).resolve(host)

        then:
        allowed.length >= 1
        allowed.every { !WebhookTargets.isPublic(it) }

        where:
        host << ['localhost', '127.0.0.1', '::1', '[::1]', '169.254.169.254']
    }

    def "the sender's lookup gives the public addresses of a public host, and fails plainly for an unknown one"() {
        when:
        InetAddress[] addresses = targets(false).resolve('8.8.8.8')

        then:
        addresses*.hostAddress == ['8.8.8.8']

        when:
        targets(false).resolve('no-such-host.invalid')

        then:
        def unknown = thrown(UnknownHostException)
        !(unknown instanceof BlockedTargetException)
    }

    private WebhookTargets targets(boolean allowPrivate) {
        new WebhookTargets(properties(allowPrivate), blocking)
    }

    static FollowProperties properties(boolean allowPrivate, Duration deliveryTimeout = Duration.ofSeconds(10)) {
        new FollowProperties(Duration.ofSeconds(60), Duration.ofHours(24), null, allowPrivate, Duration.ofSeconds(30),
                Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofHours(1), deliveryTimeout)
    }

    /** The 400 a check ended with; fails the feature when the check passed or failed otherwise. */
    private static GatewayProblem refusal(java.util.concurrent.CompletableFuture<URI> check) {
        try {
            check.get(5, TimeUnit.SECONDS)
        } catch (ExecutionException e) {
            assert e.cause instanceof GatewayProblem
            return (GatewayProblem) e.cause
        }
        throw new AssertionError('the URL was accepted')
    }
}
