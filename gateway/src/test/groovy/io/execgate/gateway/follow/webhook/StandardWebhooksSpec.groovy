package io.execgate.gateway.follow.webhook

import io.execgate.gateway.support.WebhookReceiver
import spock.lang.Specification

import java.nio.charset.StandardCharsets

/**
 * Notifications are signed so that a receiver can check them with any Standard Webhooks library:
 * the signature must be the specification's, byte for byte, and a secret must never show up in an
 * error about it.
 */
class StandardWebhooksSpec extends Specification {
    /** The reference libraries' vector (standard-webhooks/standard-webhooks, libraries/java WebhookTest). */
    static final String VECTOR_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    static final String VECTOR_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek'
    static final long VECTOR_TIMESTAMP = 1614265330L
    static final String VECTOR_PAYLOAD = '{"test": 2432232314}'
    static final String VECTOR_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='

    def "the reference libraries' test vector signs to their expected signature"() {
        when:
        String signature = StandardWebhooks.sign(StandardWebhooks.secretKey(VECTOR_SECRET), VECTOR_ID,
                VECTOR_TIMESTAMP, VECTOR_PAYLOAD.getBytes(StandardCharsets.UTF_8))

        then:
        signature == VECTOR_SIGNATURE
    }

    def "a signature over #description is what a plain HMAC-SHA256 of id.timestamp.body gives"() {
        given:
        byte[] key = StandardWebhooks.secretKey(VECTOR_SECRET)
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8)

        expect:
        StandardWebhooks.sign(key, id, timestamp, bytes) == WebhookReceiver.expectedSignature(VECTOR_SECRET, id, timestamp, bytes)

        where:
        description        | id                       | timestamp   | body
        'an empty body'    | 'msg_1'                  | 0L          | ''
        'a typical event'  | 'evt_2f1c9a'             | 1767225600L | '{"type":"execution.finished","timestamp":"2026-01-01T00:00:00Z","data":{"id":"wr_1"}}'
        'non-ASCII text'   | 'evt_ünïcode-id'         | 1767225601L | '{"name":"Rechnung für März — ✓"}'
        'a large body'     | 'evt_large'              | 1767225602L | '{"blob":"' + ('x' * 100_000) + '"}'
    }

    def "the signature covers the body's exact bytes: one byte more is another signature"() {
        given:
        byte[] key = StandardWebhooks.secretKey(VECTOR_SECRET)

        expect:
        StandardWebhooks.sign(key, 'msg_1', 1L, '{"a":1}'.bytes) != StandardWebhooks.sign(key, 'msg_1', 1L, '{"a":1} '.bytes)
        StandardWebhooks.sign(key, 'msg_1', 1L, '{"a":1}'.bytes) != StandardWebhooks.sign(key, 'msg_1', 2L, '{"a":1}'.bytes)
        StandardWebhooks.sign(key, 'msg_1', 1L, '{"a":1}'.bytes) != StandardWebhooks.sign(key, 'msg_2', 1L, '{"a":1}'.bytes)
    }

    def "a well-formed secret is recognised: #secret"() {
        expect:
        StandardWebhooks.isSecret(secret)
        StandardWebhooks.secretKey(secret).length == bytes

        where:
        secret                                                 | bytes
        VECTOR_SECRET                                          | 24
        'whsec_' + Base64.encoder.encodeToString(new byte[32]) | 32
        'whsec_' + Base64.encoder.withoutPadding().encodeToString(new byte[25]) | 25
        'whsec_' + Base64.encoder.encodeToString(new byte[64]) | 64
    }

    def "a malformed secret (#why) is refused without its value in the message"() {
        when:
        StandardWebhooks.secretKey(secret)

        then:
        def refused = thrown(IllegalArgumentException)
        refused.cause == null
        // (an empty value, or the prefix alone, is in every message: nothing to hide there)
        secret == null || secret.length() <= 6 || !refused.message.contains(secret)
        secret == null || secret.length() < 8 || !refused.message.contains(secret.substring(6))
        refused.message.contains('whsec_')
        !StandardWebhooks.isSecret(secret)

        where:
        why                         | secret
        'null'                      | null
        'empty'                     | ''
        'no prefix'                 | 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
        'another prefix'            | 'whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
        'prefix in upper case'      | 'WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
        'nothing after the prefix'  | 'whsec_'
        'not base64'                | 'whsec_MfKQ9r8GKYqr-TwjUPD8ILP*Io2LaLaSw'
        'a space inside'            | 'whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw'
        'a trailing newline'        | VECTOR_SECRET + '\n'
        'shorter than 24 bytes'     | 'whsec_' + Base64.encoder.encodeToString('too-short-a-secret'.bytes)
        'longer than 64 bytes'      | 'whsec_' + Base64.encoder.encodeToString(new byte[65])
    }

    def "an id with a '.' is refused: it would make the signed text ambiguous"() {
        when:
        StandardWebhooks.sign(StandardWebhooks.secretKey(VECTOR_SECRET), 'msg.1', 1L, '{}'.bytes)

        then:
        thrown(IllegalArgumentException)
    }
}
