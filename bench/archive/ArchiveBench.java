// Archive benchmark helper (bench/archive/run.sh), run as a single-file Java program:
//   java -cp KAFKA_LIBS/*:POSTGRESQL.jar ArchiveBench.java fill BOOTSTRAP TOPIC N
//   java -cp ... ArchiveBench.java watch JDBC_URL USER PASSWORD N TIMEOUT_S
//   java -cp ... ArchiveBench.java raw JDBC_URL USER PASSWORD N TABLE KEY_PREFIX
// `fill` and `raw` generate the same realistic comments (Swedish texts of varied length, ~12 % edits
// and author removals of earlier comments) from a fixed seed; `raw` inserts them with a plain JDBC
// batch of 500 rows per transaction, the same shape the service uses.
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

public class ArchiveBench {

    static final String[] TEXTS = {
        "Tack för informationen!", "Hej! När öppnar simhallen igen efter renoveringen?",
        "Bra jobbat med snöröjningen i helgen 👍", "Varför har ingen lagat gatlyktan på Storgatan? Den har varit trasig i tre veckor nu och det är mörkt när barnen går till skolan.",
        "Jag vill klaga på bygglovet för kvarteret Eken, det strider mot detaljplanen och ingen har svarat på mitt mejl.",
        "Fin bild!", "Hur ansöker man om plats i förskolan till hösten?", "❤️❤️", "Äntligen! Det här har vi väntat på länge.",
        "Parkeringen vid biblioteket är alltid full. Kan kommunen se över antalet platser eller införa tidsbegränsning?",
        "Tack för ett bra möte igår, hälsningar från föreningen.", "Kommer det att bli något fyrverkeri på nyår i år?"};

    record Row(UUID eventId, String key, String account, String commentId, String verb, String text, String author,
            String authorId, Instant createdAt, Instant receivedAt, byte[] fragment, String fragmentSha, String bodySha) {
    }

    static final class Generator {
        private final Random random = new Random(20261129L);
        private final String prefix;
        private int comments;
        Generator(String prefix) { this.prefix = prefix; }

        Row next(int i) {
            boolean change = comments > 100 && random.nextInt(100) < 12;
            int c = change ? random.nextInt(comments) : comments++;
            String account = "konto-" + (c % 40);
            String commentId = prefix + "c" + c;
            String verb = !change ? "ADDED" : random.nextInt(4) == 0 ? "REMOVED_BY_AUTHOR" : "EDITED";
            String text = verb.equals("REMOVED_BY_AUTHOR") ? "" : TEXTS[random.nextInt(TEXTS.length)]
                    + (random.nextInt(3) == 0 ? " " + TEXTS[random.nextInt(TEXTS.length)] : "");
            String author = "Person " + (c % 5000);
            Instant received = Instant.parse("2026-11-01T08:00:00Z").plusMillis(i * 37L);
            String fragment = "{\"id\":\"" + commentId + "\",\"from\":{\"id\":\"u" + (c % 5000) + "\",\"name\":\"" + author
                    + "\"},\"message\":" + json(text) + ",\"created_time\":\"" + received + "\",\"verb\":\"" + verb.toLowerCase() + "\"}";
            byte[] bytes = fragment.getBytes(StandardCharsets.UTF_8);
            String sha = sha256(bytes);
            return new Row(UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)), "facebook:" + account + ":" + commentId,
                    account, commentId, verb, text, author, "u" + (c % 5000), received.minusSeconds(2), received, bytes, sha, sha);
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String envelope(Row r) {
        return "{\"eventId\":\"" + r.eventId() + "\",\"type\":\"CommentReceived\",\"version\":1,\"occurredAt\":\"" + r.receivedAt()
                + "\",\"commentKey\":" + json(r.key()) + ",\"producer\":\"bench\",\"payload\":{\"platform\":\"facebook\",\"accountId\":"
                + json(r.account()) + ",\"commentId\":" + json(r.commentId()) + ",\"postId\":\"post-1\",\"parentId\":null,"
                + "\"author\":{\"id\":" + json(r.authorId()) + ",\"displayName\":" + json(r.author()) + "},\"text\":" + json(r.text())
                + ",\"mediaRefs\":[],\"permalink\":\"https://www.facebook.com/" + r.account() + "/posts/1?comment_id=" + r.commentId()
                + "\",\"createdAt\":\"" + r.createdAt() + "\",\"receivedAt\":\"" + r.receivedAt() + "\",\"verb\":\"" + r.verb()
                + "\",\"idempotencyKey\":\"bench:" + r.eventId() + "\",\"raw\":{\"bodySha256\":\"" + r.bodySha()
                + "\",\"contentType\":\"application/json\",\"fragmentBase64\":\"" + Base64.getEncoder().encodeToString(r.fragment())
                + "\",\"fragmentSha256\":\"" + r.fragmentSha() + "\"}}}";
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fill" -> fill(args[1], args[2], Integer.parseInt(args[3]));
            case "watch" -> watch(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "raw" -> raw(args[1], args[2], args[3], Integer.parseInt(args[4]), args[5], args[6]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void fill(String bootstrap, String topic, int n) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "10");
        p.put("batch.size", "262144");
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        Generator g = new Generator("");
        long bytes = 0;
        long start = System.nanoTime();
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < n; i++) {
                Row r = g.next(i);
                String value = envelope(r);
                bytes += value.length();
                producer.send(new ProducerRecord<>(topic, r.key(), value), (m, e) -> { if (e != null) failed.set(e); });
            }
            producer.flush();
        }
        if (failed.get() != null) throw failed.get();
        System.out.printf("RESULT fill events=%d avg_bytes=%d seconds=%.1f%n", n, bytes / n, (System.nanoTime() - start) / 1e9);
    }

    /** Polls the archive's row count; prints the sustained rate between 10 % and 90 % of n. */
    static void watch(String url, String user, String password, int n, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long t10 = 0, t90 = 0, tFirst = 0, c10 = 0, c90 = 0;
        long count = 0;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM record_version")) {
                    r.next();
                    count = r.getLong(1);
                }
                long now = System.nanoTime();
                if (tFirst == 0 && count > 0) tFirst = now;
                if (t10 == 0 && count >= n / 10) { t10 = now; c10 = count; }
                if (t90 == 0 && count >= n * 9L / 10) { t90 = now; c90 = count; }
                if (count >= n) break;
                Thread.sleep(100);
            }
            long tEnd = System.nanoTime();
            if (t90 == 0) {
                System.out.printf("RESULT watch stored=%d of=%d timed_out=true%n", count, n);
                return;
            }
            System.out.printf("RESULT watch stored=%d of=%d sustained_per_s=%.0f first_to_last_s=%.1f%n", count, n,
                    (c90 - c10) / ((t90 - t10) / 1e9), (tEnd - tFirst) / 1e9);
        }
    }

    static void raw(String url, String user, String password, int n, String table, String prefix) throws Exception {
        Generator g = new Generator(prefix);
        String sql = "INSERT INTO " + table + " (event_id, comment_key, version, verb, platform, account_id, comment_id, post_id,"
                + " parent_id, author_id, author_name, text, permalink, created_at, received_at, stored_at, idempotency_key,"
                + " content_type, raw_body_sha256, raw_fragment, raw_fragment_sha256)"
                + " VALUES (?, ?, ?, ?, 'facebook', ?, ?, 'post-1', NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'application/json', ?, ?, ?)";
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    Row r = g.next(i);
                    int k = 1;
                    s.setObject(k++, r.eventId());
                    s.setString(k++, r.key());
                    s.setInt(k++, versions.merge(r.key(), 1, Integer::sum));
                    s.setString(k++, r.verb());
                    s.setString(k++, r.account());
                    s.setString(k++, r.commentId());
                    s.setString(k++, r.authorId());
                    s.setString(k++, r.author());
                    s.setString(k++, r.text());
                    s.setString(k++, "https://www.facebook.com/" + r.account() + "/posts/1?comment_id=" + r.commentId());
                    s.setObject(k++, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
                    s.setObject(k++, OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
                    s.setObject(k++, OffsetDateTime.now(ZoneOffset.UTC));
                    s.setString(k++, "bench:" + r.eventId());
                    s.setString(k++, r.bodySha());
                    s.setBytes(k++, r.fragment());
                    s.setString(k, r.fragmentSha());
                    s.addBatch();
                    if ((i + 1) % 500 == 0 || i == n - 1) {
                        s.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT raw table=%s rows=%d seconds=%.2f per_s=%.0f%n", table, n, seconds, n / seconds);
    }
}
