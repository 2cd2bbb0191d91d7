package eventdesk.testing;

import eventdesk.mail.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the parameters an outbox row keeps for its mail (as the relay renders it). */
public final class OutboxParams {

    private OutboxParams() {
    }

    /** The one mail of this kind to this recipient, and its parameters. */
    public static Map<String, String> of(String kind, String recipient) {
        OutboxMessage mail = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("kind = ?1 and recipient = ?2", kind, recipient).singleResult());
        Map<String, String> params = new HashMap<>();
        for (String pair : mail.params.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
