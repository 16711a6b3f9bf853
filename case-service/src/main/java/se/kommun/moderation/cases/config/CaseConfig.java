package se.kommun.moderation.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import se.kommun.moderation.cases.sla.domain.SwedishCalendar.ShortDay;

@ConfigMapping(prefix = "case")
public interface CaseConfig {

    Registry registry();

    /** Further registries by name, each with its own diary number format (e.g. "SN" → "SN {year}:{seq}"). */
    Map<String, RegistryFormat> registries();

    Secrecy secrecy();

    Sla sla();

    Decision decision();

    Reply reply();

    Outbox outbox();

    interface Registry {

        /** The registry (diarium) new cases are registered in unless {@link #byRoute()} says otherwise. */
        @WithDefault("KS")
        String name();

        /** Diary number format: {year}, {seq} or {seq:N} (zero-padded to N digits). */
        @WithDefault("KS {year}/{seq}")
        String format();

        /** The municipality's time zone: it decides which year a registration falls in. */
        @WithDefault("Europe/Stockholm")
        ZoneId zone();

        /** Route (COMPLAINT, CONFIDENTIAL, CRIMINAL) → registry name, for municipalities that keep several. */
        Map<String, String> byRoute();
    }

    interface RegistryFormat {
        String format();
    }

    interface Secrecy {

        /** Confidential subtype → the OSL provision the secrecy marking cites. */
        Map<String, String> provisions();

        /** The marking for a confidential subtype with no provision of its own: the registrar decides. */
        @WithDefault("OSL (sekretessprövning)")
        String defaultProvision();
    }

    interface Sla {

        @WithDefault("08:00")
        LocalTime opens();

        @WithDefault("17:00")
        LocalTime closes();

        @WithDefault("13:00")
        LocalTime closesOnShortDays();

        /** Which eves close early; all six by default. */
        @WithDefault("TRETTONDAGSAFTON,SKARTORSDAGEN,VALBORGSMASSOAFTON,DAGEN_FORE_KRISTI_HIMMELSFARD,"
                + "DAGEN_FORE_NATIONALDAGEN,DAGEN_FORE_ALLA_HELGONS_DAG")
        List<ShortDay> shortDays();
    }

    interface Decision {

        /** At or above this confidence (and without reviewRequired) removal is automatic, after evidence. */
        @WithDefault("0.85")
        double autoThreshold();

        /** Platform id → HIDE or DELETE; platforms not listed use {@link #defaultAction()}. */
        Map<String, String> actionByPlatform();

        @WithDefault("HIDE")
        String defaultAction();
    }

    interface Reply {

        /** Replies are signed "/Namn, roll, Organisation". */
        @WithDefault("Örebro kommun")
        String organisation();

        @WithDefault("Kommunikationsavdelningen")
        String defaultName();

        @WithDefault("moderator")
        String defaultRole();
    }

    interface Outbox {

        /** How often the relay looks for unsent events (it is also woken after each commit). */
        @WithDefault("1s")
        Duration interval();

        @WithDefault("200")
        int batchSize();

        /** Off only to prove, in a test, that a crash between commit and send loses nothing. */
        @WithDefault("true")
        boolean relayEnabled();

    }
}
