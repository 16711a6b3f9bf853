package se.kommun.moderation.ingest.youtube.domain;

/** One request to the hub about one channel's video feed. */
public record WebSubRequest(String channelId, Mode mode) {

    /** {@code hub.mode}. */
    public enum Mode {
        SUBSCRIBE("subscribe"), UNSUBSCRIBE("unsubscribe");

        private final String hubValue;

        Mode(String hubValue) {
            this.hubValue = hubValue;
        }

        public String hubValue() {
            return hubValue;
        }
    }

    public static WebSubRequest subscribe(String channelId) {
        return new WebSubRequest(channelId, Mode.SUBSCRIBE);
    }

    public static WebSubRequest unsubscribe(String channelId) {
        return new WebSubRequest(channelId, Mode.UNSUBSCRIBE);
    }
}
