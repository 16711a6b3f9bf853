package se.kommun.moderation.classification.domain.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model file: gzip of a small binary layout (magic, version, classes, temperature, thresholds,
 * feature ids with one weight row each, biases). The same model always gives the same bytes, and the
 * file's SHA-256 names the model ({@code m-} and 12 hex digits), so a decision says which model made
 * it. The bundled one is {@value #BUNDLED}.
 */
public final class ModelFile {

    public static final String BUNDLED = "model/route-model.bin.gz";
    private static final int MAGIC = 0x53564d31; // "SVM1"
    private static final int VERSION = 1;

    private ModelFile() {
    }

    /** What a training run hands over. Rows follow {@code featureIds}; each has one weight per class. */
    public record Contents(List<String> classes, long[] featureIds, float[] weights, float[] bias, double temperature,
            RouteModel.Thresholds thresholds) {
    }

    public static byte[] write(Contents contents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(contents.classes().size());
            for (String c : contents.classes()) {
                out.writeUTF(c);
            }
            out.writeDouble(contents.temperature());
            out.writeDouble(contents.thresholds().automatic());
            out.writeDouble(contents.thresholds().review());
            out.writeInt(contents.featureIds().length);
            for (long id : contents.featureIds()) {
                out.writeLong(id);
            }
            for (float w : contents.weights()) {
                out.writeFloat(w);
            }
            for (float b : contents.bias()) {
                out.writeFloat(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static RouteModel read(byte[] file) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a route model file of version " + VERSION);
            }
            int classCount = in.readInt();
            List<String> classes = new ArrayList<>(classCount);
            for (int i = 0; i < classCount; i++) {
                classes.add(in.readUTF());
            }
            double temperature = in.readDouble();
            RouteModel.Thresholds thresholds = new RouteModel.Thresholds(in.readDouble(), in.readDouble());
            int features = in.readInt();
            long[] ids = new long[features];
            for (int i = 0; i < features; i++) {
                ids[i] = in.readLong();
            }
            float[] weights = new float[features * classCount];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            float[] bias = new float[classCount];
            for (int i = 0; i < classCount; i++) {
                bias[i] = in.readFloat();
            }
            return new RouteModel(idOf(file), classes, ids, weights, bias, temperature, thresholds);
        } catch (IOException e) {
            throw new IllegalArgumentException("the model file cannot be read: " + e.getMessage(), e);
        }
    }

    public static RouteModel read(Path path) {
        try {
            return read(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + path, e);
        }
    }

    /** The model bundled with the service, or empty when the build has none. */
    public static Optional<RouteModel> bundled() {
        try (InputStream in = ModelFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            return in == null ? Optional.empty() : Optional.of(read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model", e);
        }
    }

    public static String idOf(byte[] file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file);
            return "m-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
