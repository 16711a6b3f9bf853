import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.tools.TopicCommand;

/**
 * Runs Kafka's own TopicCommand "--create --if-not-exists" for many topics inside ONE JVM.
 * Each separate kafka-tools JVM costs about 2 s on this machine, so 18 topics took 35 s;
 * this takes a few seconds. Launched by deploy/local/kafka.sh as a single-file source program
 * (java -cp 'libs/*' CreateTopics.java ...); kafka.sh falls back to one TopicCommand per topic
 * if this helper fails (for example after a Kafka upgrade changes these classes).
 *
 * Dead-letter topics (names ending in ".dlq") are created with retention.ms from the environment
 * variable DLQ_RETENTION_MS (default 30 days), so a dead letter is kept long enough to be re-driven;
 * the services set the same retention on their dead-letter topics at start-up
 * (messaging.dead-letters.retention).
 *
 * Usage: CreateTopics BOOTSTRAP PARTITIONS TOPIC...
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CreateTopics BOOTSTRAP PARTITIONS TOPIC...");
            System.exit(2);
        }
        String bootstrap = args[0];
        String partitions = args[1];
        String dlqRetention = System.getenv().getOrDefault("DLQ_RETENTION_MS", Long.toString(30L * 24 * 3600 * 1000));
        try (TopicCommand.TopicService service = new TopicCommand.TopicService(new Properties(), Optional.of(bootstrap))) {
            for (int i = 2; i < args.length; i++) {
                List<String> options = new ArrayList<>(List.of(
                        "--bootstrap-server", bootstrap, "--create", "--if-not-exists", "--topic", args[i],
                        "--partitions", partitions, "--replication-factor", "1"));
                if (args[i].endsWith(".dlq")) {
                    options.add("--config");
                    options.add("retention.ms=" + dlqRetention);
                }
                TopicCommand.TopicCommandOptions opts = new TopicCommand.TopicCommandOptions(options.toArray(String[]::new));
                opts.checkArgs();
                service.createTopic(opts);
            }
        }
    }
}
