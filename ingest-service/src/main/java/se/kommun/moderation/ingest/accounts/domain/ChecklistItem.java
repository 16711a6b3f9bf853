package se.kommun.moderation.ingest.accounts.domain;

/**
 * The guideline's start checklist: an account may be opened only when each of these has been
 * thought through and documented (Örebro kommun, Riktlinjer för sociala medier).
 */
public enum ChecklistItem {
    SYFTE("Syfte"),
    MAL("Mål"),
    BUDSKAP("Budskap"),
    MALGRUPP("Målgrupp"),
    KANAL("Kanal"),
    TYP_AV_KONTO("Typ av konto"),
    AVTAL("Avtal"),
    FUNKTION_OCH_TEKNIK("Funktion och teknik"),
    RESURSER("Resurser"),
    BEVAKNING("Bevakning"),
    AVSANDARE("Avsändare"),
    RISKER("Risker"),
    DIARIEFORING_GALLRING_ARKIVERING("Diarieföring, gallring och arkivering"),
    KRISKOMMUNIKATION("Kriskommunikation"),
    MARKNADSFORING("Marknadsföring"),
    INFORMATIONSKRAV("Informationskrav"),
    MEDDELA_INFOAVDELNINGEN("Meddela informationsavdelningen");

    private final String label;

    ChecklistItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
