package io.execgate.gateway.follow.webhook;
// TEMPORARY stand-in until the webhook branch lands
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
public final class StandardWebhooks {
    private StandardWebhooks() {}
    public static boolean isSecret(String v) { try { secretKey(v); return true; } catch (IllegalArgumentException e) { return false; } }
    public static byte[] secretKey(String s) {
        if (s == null || !s.startsWith("whsec_")) throw new IllegalArgumentException("not a whsec_ secret");
        byte[] k = Base64.getDecoder().decode(s.substring(6));
        if (k.length == 0) throw new IllegalArgumentException("empty");
        return k;
    }
    public static String sign(byte[] key, String id, long ts, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) { throw new IllegalStateException(e); }
    }
}
