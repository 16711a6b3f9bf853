package se.kommun.moderation.bench.classifyservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.EmbeddedKafka;
import se.kommun.moderation.testkit.TestDatabase;

/**
 * Kafka → Kafka throughput of the packaged classification-service, next to Kafka's own consume +
 * produce rate for the same records in the same run.
 *
 * <ol>
 * <li>starts a real KRaft broker (in this JVM, loopback, random ports) unless {@code --bootstrap} names one,
 *     and makes the service a fresh database on the local PostgreSQL (test-kit's TestDatabase: the
 *     {@code TEST_DB_*} environment applies), dropped at the end;
 * <li>creates the run's topics (6 partitions each, a fresh prefix) and fills comments.received with N
 *     CommentReceived events built from the corpora texts (keyed by commentKey, acks=all);
 * <li>reference: one plain consumer → producer copy of those records to another topic, with the
 *     service's serializers, acks, idempotence, linger, batch size, compression, max.poll.records and
 *     fetch settings; like the service, each poll's outputs are acknowledged before the next poll and
 *     the offsets are committed after them;
 * <li>service: starts the packaged jar on the same topics with the same settings and watches
 *     comments.classified until all N outputs are there; then reads them back and checks there is one
 *     per input (distinct sourceEventIds, deterministic eventIds) and nothing on the dead-letter topic.
 * </ol>
 * Rates are taken from the end offsets of the output topic, sampled every 20 ms by the same watcher for
 * both runs: "whole" from the first output to the last, "steady" from the 20% mark to the last (JIT
 * warm-up excluded).
 */
public final class ClassifyServiceBench {

    private static final int PARTITIONS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> opts;
    private final int records;
    private final String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final String source;
    private final String classified;
    private final String deadLetters;
    private final String referenceOut;
    private String bootstrap;
    private TestDatabase database;

    private ClassifyServiceBench(Map<String, String> opts) {
        this.opts = opts;
        this.records = Integer.parseInt(opts.getOrDefault("records", "200000"));
        this.source = prefix + "comments.received";
        this.classified = prefix + "comments.classified";
        this.deadLetters = prefix + "comments.received.dlq";
        this.referenceOut = prefix + "reference.copy";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, was " + arg);
            }
            opts.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new ClassifyServiceBench(opts).run();
        System.exit(0);
    }

    // ---- the settings shared by the service and the reference -------------------------------------

    private String opt(String name, String fallback) {
        return opts.getOrDefault(name, fallback);
    }

    private Map<String, Object> consumerTuning() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, opt("max-poll-records", "500"));
        c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, opt("fetch-min-bytes", "1"));
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, opt("fetch-max-wait-ms", "500"));
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, opt("max-partition-fetch-bytes", "1048576"));
        return c;
    }

    /** Consumers of comments.received in the service (its channel's {@code partitions}) and copiers in the reference. */
    private int consumers() {
        return Integer.parseInt(opt("consumers", "1"));
    }

    private Map<String, Object> producerTuning() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, opt("linger-ms", "5"));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, opt("batch-size", "131072"));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, opt("compression", "none"));
        return p;
    }

    /** The service's configuration for this run: the same tuning under its channel names. */
    private Properties serviceConfig() {
        Properties p = new Properties();
        p.setProperty("config_ordinal", "265");
        p.setProperty("kafka.bootstrap.servers", bootstrap);
        p.setProperty("topic.prefix", prefix);
        p.setProperty("quarkus.http.port", "0");
        // The feedback database (moderation.decisions); this run sends no decisions.
        database.quarkusConfig().forEach(p::setProperty);
        p.setProperty("quarkus.log.level", "INFO");
        p.setProperty("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        String in = "mp.messaging.incoming.\"comments.received\".";
        consumerTuning().forEach((k, v) -> p.setProperty(in + k, v.toString()));
        p.setProperty(in + "partitions", Integer.toString(consumers()));
        for (String out : List.of("comments.classified", "comments.received.dlq")) {
            producerTuning().forEach((k, v) -> p.setProperty("mp.messaging.outgoing.\"" + out + "\"." + k, v.toString()));
        }
        opts.forEach((k, v) -> {
            if (k.startsWith("service.")) {
                p.setProperty(k.substring("service.".length()), v);
            }
        });
        return p;
    }

    // ---- the run -----------------------------------------------------------------------------------

    private void run() throws Exception {
        EmbeddedKafka broker = null;
        if (opts.containsKey("bootstrap")) {
            bootstrap = opts.get("bootstrap");
        } else {
            long t0 = System.nanoTime();
            broker = EmbeddedKafka.start();
            bootstrap = broker.bootstrapServers();
            log("in-process KRaft broker at %s (%d ms)", bootstrap, ms(t0));
        }
        try {
            database = TestDatabase.create("bench_classify");
            createTopics();
            List<String> texts = loadTexts(opts.getOrDefault("corpora", "").split(","));
            log("filling %s with %,d CommentReceived events built from %d corpus texts", source, records, texts.size());
            fill(texts);

            Rate reference = referenceCopy();
            Rate service = serviceRun();
            verify();

            System.out.println();
            System.out.printf("records: %,d CommentReceived (avg %,d bytes), %d partitions, %d consumer(s), tuning: %s %s%n",
                    records, averageSize, PARTITIONS, consumers(), consumerTuning(), producerTuning());
            System.out.printf("%-34s %14s %14s %10s%n", "", "whole run/s", "steady/s", "seconds");
            System.out.printf("%-34s %,14.0f %,14.0f %10.1f%n", "reference: consume+produce copy", reference.whole(),
                    reference.steady(), reference.seconds());
            System.out.printf("%-34s %,14.0f %,14.0f %10.1f%n", "classification-service", service.whole(),
                    service.steady(), service.seconds());
            System.out.printf("ratio service/reference:           %14.3f %14.3f%n", service.whole() / reference.whole(),
                    service.steady() / reference.steady());
            System.out.printf("service CPU: %.1f s for %,d comments (%.0f µs of CPU per comment, all threads)%n",
                    serviceCpu.toMillis() / 1000.0, records, serviceCpu.toNanos() / 1000.0 / records);
            System.out.printf("target >= 20,000 comments/s sustained: %s (steady %,.0f/s)%n",
                    service.steady() >= 20_000 ? "MET" : "NOT MET", service.steady());
        } finally {
            if (database != null) {
                database.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(source, classified, deadLetters, referenceOut).stream()
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> loadTexts(String[] corpora) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String corpus : corpora) {
            if (corpus.isBlank()) {
                continue;
            }
            for (String line : Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    if (node.hasNonNull("text")) {
                        texts.add(node.get("text").asText());
                    }
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts: give --corpora=a.jsonl,b.jsonl");
        }
        return texts;
    }

    private long averageSize;

    /** N events as ingest would publish them: a platform, an account, a raw fragment and its hashes. */
    private void fill(List<String> texts) throws Exception {
        EventCodec codec = EventCodec.instance();
        Platform[] platforms = {Platform.FACEBOOK, Platform.INSTAGRAM, Platform.X, Platform.LINKEDIN,
            Platform.YOUTUBE, Platform.WEB, Platform.BLOG};
        String[] names = {"Anna Svensson", "Erik Lind", "Fatima Ali", "Johan Berg", "Maja Nilsson", "Ali Hassan"};
        Map<String, Object> config = new HashMap<>(producerTuning());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Instant base = Instant.parse("2026-03-02T08:00:00Z");
        long bytes = 0;
        long t0 = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < records; i++) {
                Platform platform = platforms[i % platforms.length];
                String account = "konto-" + (i % 5);
                String commentId = "c" + i;
                String text = texts.get(i % texts.size());
                String author = names[i % names.length];
                Instant created = base.plusMillis(i * 37L);
                String fragment = JSON.writeValueAsString(Map.of("id", commentId, "from",
                        Map.of("id", "u" + (i % 997), "name", author), "message", text, "created_time", created.toString()));
                byte[] fragmentBytes = fragment.getBytes(StandardCharsets.UTF_8);
                Verb verb = i % 20 == 19 ? Verb.EDITED : Verb.ADDED;
                CommentReceived payload = new CommentReceived(platform, account, commentId, "p" + (i / 50), null,
                        new Author("u" + (i % 997), author), text, List.of(),
                        "https://example.org/" + platform.id() + "/" + account + "/" + commentId, created,
                        created.plusMillis(250), verb, "idem-" + i,
                        new RawPayload(sha256(("body-" + i / 10).getBytes(StandardCharsets.UTF_8)), "application/json",
                                fragmentBytes, sha256(fragmentBytes)));
                EventEnvelope<CommentReceived> event = EventEnvelope.wrap(EventIds.derive("bench", prefix, commentId),
                        created.plusMillis(260), payload.commentKey().toString(), "ingest-service", payload);
                String value = codec.encode(event);
                bytes += value.length();
                producer.send(new ProducerRecord<>(source, event.commentKey(), value), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        averageSize = bytes / records;
        log("filled in %.1f s (%,.0f records/s, %.0f MB)", ms(t0) / 1000.0, records * 1e9 / (System.nanoTime() - t0),
                bytes / 1e6);
    }

    // ---- the reference: a plain consumer → producer copy ------------------------------------------

    private Rate referenceCopy() throws Exception {
        log("reference: copying %s to %s with the service's settings", source, referenceOut);
        Map<String, Object> consumerConfig = new HashMap<>(consumerTuning());
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "reference");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Object> producerConfig = new HashMap<>(producerTuning());
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

        OutputWatcher watcher = new OutputWatcher(referenceOut);
        watcher.start();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong copied = new AtomicLong();
        // As many copying consumers (one group, one shared producer) as the service has consumers.
        List<Thread> copiers = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            for (int c = 0; c < consumers(); c++) {
                Thread copier = new Thread(() -> {
                    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
                        consumer.subscribe(List.of(source));
                        while (copied.get() < records && failure.get() == null) {
                            ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(100));
                            if (batch.isEmpty()) {
                                continue;
                            }
                            CountDownLatch acked = new CountDownLatch(batch.count());
                            for (ConsumerRecord<String, String> record : batch) {
                                producer.send(new ProducerRecord<>(referenceOut, record.key(), record.value()),
                                        (md, e) -> {
                                            if (e != null) {
                                                failure.compareAndSet(null, e);
                                            }
                                            acked.countDown();
                                        });
                            }
                            acked.await();
                            consumer.commitAsync();
                            copied.addAndGet(batch.count());
                        }
                        consumer.commitSync();
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, "reference-copier-" + c);
                copier.start();
                copiers.add(copier);
            }
            for (Thread copier : copiers) {
                copier.join();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Rate rate = watcher.awaitAll(Duration.ofMinutes(10));
        log("reference: %,d records copied, %,.0f/s whole, %,.0f/s steady", records, rate.whole(), rate.steady());
        return rate;
    }

    // ---- the service ----------------------------------------------------------------------------

    private Duration serviceCpu = Duration.ZERO;

    private Rate serviceRun() throws Exception {
        Path work = Path.of(opt("work", "target/run"));
        Files.createDirectories(work);
        Path config = work.resolve("service.properties");
        try (var out = Files.newBufferedWriter(config)) {
            serviceConfig().store(out, "classification-service for bench/classify-service/run.sh");
        }
        Path serviceLog = work.resolve("service.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String jvmOpt : opt("service-java-opts", "-Xms512m -Xmx1g").split(" ")) {
            if (!jvmOpt.isBlank()) {
                command.add(jvmOpt);
            }
        }
        command.add("-Dquarkus.config.locations=file:" + config.toAbsolutePath());
        command.add("-jar");
        command.add(opts.get("jar"));
        log("service: starting %s", String.join(" ", command));
        OutputWatcher watcher = new OutputWatcher(classified);
        watcher.start();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(serviceLog.toFile()).start();
        try {
            Rate rate = watcher.awaitAll(Duration.ofMinutes(10), process);
            serviceCpu = process.info().totalCpuDuration().orElse(Duration.ZERO);
            log("service: %,d comments classified, %,.0f/s whole, %,.0f/s steady (log: %s)", records, rate.whole(),
                    rate.steady(), serviceLog);
            return rate;
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** One output per input, none lost, none doubled, nothing dead-lettered. */
    private void verify() {
        EventCodec codec = EventCodec.instance();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "verify");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Set<UUID> sources = new HashSet<>();
        Map<Route, Integer> routes = new EnumMap<>(Route.class);
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = partitions(consumer, classified);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope<CommentClassified> event = codec.decode(record.value(), CommentClassified.class);
                    if (!record.key().equals(event.commentKey())) {
                        throw new IllegalStateException("output keyed " + record.key() + " for " + event.commentKey());
                    }
                    UUID expected = EventIds.derive("CommentClassified", event.payload().sourceEventId().toString(),
                            event.payload().ruleSetVersion());
                    if (!expected.equals(event.eventId())) {
                        throw new IllegalStateException("output eventId is not the derived one");
                    }
                    sources.add(event.payload().sourceEventId());
                    routes.merge(event.payload().route(), 1, Integer::sum);
                    count++;
                }
            }
            long dead = consumer.endOffsets(partitions(consumer, deadLetters)).values().stream().mapToLong(Long::longValue).sum();
            if (count != records || sources.size() != records || dead != 0) {
                throw new IllegalStateException("expected " + records + " outputs for as many inputs, found " + count
                        + " outputs for " + sources.size() + " inputs and " + dead + " dead letters");
            }
        }
        log("verified: %,d outputs, one per input, derived eventIds, no dead letters; routes %s", count, routes);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
    }

    // ---- measuring ---------------------------------------------------------------------------------

    /** Rates from the output topic's end offsets: whole (first output → last) and steady (20% → last). */
    record Rate(double whole, double steady, double seconds) {
    }

    /** Samples the sum of a topic's end offsets every 20 ms on its own thread. */
    private final class OutputWatcher {
        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final long[] times = new long[3]; // first output, 20% mark, all
        private volatile Exception failure;
        private Thread thread;

        OutputWatcher(String topic) {
            this.topic = topic;
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(config);
            this.partitions = partitions(consumer, topic);
        }

        void start() {
            long mark = records / 5;
            thread = new Thread(() -> {
                try (consumer) {
                    while (true) {
                        long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                        long now = System.nanoTime();
                        if (total > 0 && times[0] == 0) {
                            times[0] = now;
                        }
                        if (total >= mark && times[1] == 0) {
                            times[1] = now;
                        }
                        if (total >= records) {
                            times[2] = now;
                            return;
                        }
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    failure = e;
                }
            }, "watch-" + topic);
            thread.start();
        }

        Rate awaitAll(Duration timeout) throws Exception {
            return awaitAll(timeout, null);
        }

        Rate awaitAll(Duration timeout, Process process) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (thread.isAlive()) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue() + " before "
                            + "all outputs were on " + topic);
                }
                if (System.nanoTime() > deadline) {
                    thread.interrupt();
                    throw new IllegalStateException("not all outputs on " + topic + " within " + timeout);
                }
                thread.join(100);
            }
            if (failure != null) {
                throw failure;
            }
            double whole = (records - 1) * 1e9 / Math.max(1, times[2] - times[0]);
            double steady = (records - records / 5) * 1e9 / Math.max(1, times[2] - times[1]);
            return new Rate(whole, steady, (times[2] - times[0]) / 1e9);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ms(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
