package se.kommun.moderation.classification.domain.normalize;

/**
 * Cyrillic and Greek letters that look like Latin ones, folded to the Latin letter. Applied after
 * lower-casing, so the lower-case forms of look-alike capitals (Н, В, М, Т) are listed as well.
 */
final class Homoglyphs {

    private static final char[] TABLE = new char[0x0530];

    static {
        // Cyrillic
        map("аa бb вb гr дd еe ёe кk мm нh оo пn рp сc тt уy фf хx шw ъb ьb іi їi јj ѕs һh ԁd ӏl ԛq ԝw");
        // Greek
        map("αa βb γy δd εe ζz ηn ιi κk λl μu νv οo πn ρp σo ςc τt υu φf χx ψw ωw ϲc άa έe ήn ίi όo ύu ώw");
    }

    private Homoglyphs() {
    }

    private static void map(String pairs) {
        for (String pair : pairs.split(" ")) {
            TABLE[pair.charAt(0)] = pair.charAt(1);
        }
    }

    static char fold(char c) {
        if (c < TABLE.length && TABLE[c] != 0) {
            return TABLE[c];
        }
        switch (c) {
            case 'ı': return 'i';
            case 'ɡ': return 'g';
            case 'ſ': return 's';
            case 'ℓ': return 'l';
            default: return c;
        }
    }
}
