package se.kommun.moderation.classification.domain.detect;

/** How independent pieces of evidence combine. */
public final class Scores {

    private Scores() {
    }

    /** Noisy-or: the chance that at least one of two independent signals is right. */
    public static double either(double a, double b) {
        return 1.0 - (1.0 - clamp(a)) * (1.0 - clamp(b));
    }

    public static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
