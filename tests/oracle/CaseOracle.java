// Writes the case-mapping oracle that tests/casing_oracle.rs checks hizala::casing against:
// Java's String.toLowerCase/toUpperCase under Locale.forLanguageTag("tr") and Locale.ROOT.
//
//   javac -d /tmp CaseOracle.java && java -cp /tmp CaseOracle > java_casing.tsv
//
// (`make oracle` does this.) Lines, tab-separated, code points in hex:
//   unicode <version>                  the Unicode version of this Java
//   defined <first> <last>             a range of code points Java knows (Character.isDefined)
//   <lower|upper> <tr|root> <input> <output>
//                                      every single code point whose mapping is not itself, and
//                                      whole strings (space-separated code points) where context
//                                      matters: final sigma, I + U+0307, Turkish words.
import java.util.Locale;

public class CaseOracle {
    static final Locale TR = Locale.forLanguageTag("tr");

    static String hex(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (b.length() > 0) b.append(' ');
            b.append(String.format("%04X", cp));
        });
        return b.toString();
    }

    static void emit(StringBuilder out, String s) {
        String[] names = {"tr", "root"};
        Locale[] locales = {TR, Locale.ROOT};
        for (int i = 0; i < 2; i++) {
            String lower = s.toLowerCase(locales[i]);
            String upper = s.toUpperCase(locales[i]);
            if (!lower.equals(s)) out.append("lower\t").append(names[i]).append('\t').append(hex(s)).append('\t').append(hex(lower)).append('\n');
            if (!upper.equals(s)) out.append("upper\t").append(names[i]).append('\t').append(hex(s)).append('\t').append(hex(upper)).append('\n');
        }
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        out.append("unicode\t").append(Runtime.version().feature() == 17 ? "13.0" : "java-" + Runtime.version()).append('\n');
        int start = -1;
        for (int cp = 0; cp <= 0x110000; cp++) {
            boolean known = cp <= 0x10FFFF && Character.isDefined(cp) && !(cp >= 0xD800 && cp <= 0xDFFF);
            if (known && start < 0) start = cp;
            if (!known && start >= 0) {
                out.append(String.format("defined\t%04X\t%04X\n", start, cp - 1));
                start = -1;
            }
        }
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            emit(out, new String(Character.toChars(cp)));
        }
        String[] strings = {
            "ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ.", "ΣΑΣ", "Σ", "ΑΣ", "ΑΣΑ", "ΑΣ1", "Α.Σ", "ΑΣ'Β", "ΌΣΟΣ ΣΟΣ",
            "I\u0307", "I\u0307STANBUL", "i\u0307", "I\u0307\u0301", "I\u0301", "ISPARTA İSTANBUL",
            "İSTANBUL'DA ıLIK SU", "Diyarbakır", "DİYARBAKIR", "ÇOLAKOĞLU", "straße", "ﬁnal ﬂow",
            "ŉ", "ǰ", "Türkiye-Pakistan İlişkileri", "iIıİ", "İ\u0307", "I\u0323\u0307",
        };
        for (String s : strings) emit(out, s);
        System.out.print(out);
    }
}
