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
        try (TopicCommand.TopicService service = new TopicCommand.TopicService(new Properties(), Optional.of(bootstrap))) {
            for (int i = 2; i < args.length; i++) {
                TopicCommand.TopicCommandOptions opts = new TopicCommand.TopicCommandOptions(new String[] {
                        "--bootstrap-server", bootstrap, "--create", "--if-not-exists", "--topic", args[i],
                        "--partitions", partitions, "--replication-factor", "1" });
                opts.checkArgs();
                service.createTopic(opts);
            }
        }
    }
}
