import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic content directory with N distinct questions spread over 5 Markdown sources, each with an
 * answer of about 80 words mixing its subject's name with common ML words. Deterministic (seeded).
 * Usage: java bench/SyntheticContent.java N OUT_DIR   (copies handbook.yaml and vocabulary.yaml from content/)
 */
public class SyntheticContent {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ten", "vo", "zu", "pex", "dor", "quin",
            "sa", "bel", "tor", "ny", "gra", "fi", "mo", "cle", "ust", "ar"};
    private static final String[] KINDS = {"regression", "clustering", "network", "encoder", "sampling",
            "optimizer", "kernel", "metric", "embedding", "tree", "loss", "attention"};
    private static final String[] FORMS = {"What is %s?", "How does %s work?", "Explain %s and its trade-offs.",
            "When would you use %s?", "What are the limitations of %s?"};
    private static final String[] FILLER = ("the model data training features learning value error loss set "
            + "weights gradient prediction input output layer sample class label test validation accuracy bias "
            + "variance step rate function parameter distribution average iteration batch overfitting "
            + "regularization dropout precision recall").split(" ");

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.resolve("sources"));
        for (String f : new String[]{"handbook.yaml", "vocabulary.yaml"}) {
            Files.copy(Path.of("content", f), out.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Random random = new Random(7);
        StringBuilder[] sources = new StringBuilder[5];
        for (int s = 0; s < 5; s++) {
            sources[s] = new StringBuilder("# Synthetic collection " + (s + 1) + "\n\n");
        }
        for (int i = 0; i < n; i++) {
            StringBuilder name = new StringBuilder();
            int parts = 3 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            String subject = name + " " + KINDS[random.nextInt(KINDS.length)];
            String question = String.format(FORMS[random.nextInt(FORMS.length)], subject);
            StringBuilder answer = new StringBuilder(subject).append(" is ");
            for (int w = 0; w < 80; w++) {
                answer.append(w % 15 == 0 ? subject : FILLER[random.nextInt(FILLER.length)]).append(' ');
            }
            sources[i % 5].append("## ").append(i / 5 + 1).append(". ").append(question).append("\n\n")
                    .append(answer.toString().strip()).append(".\n\n");
        }
        for (int s = 0; s < 5; s++) {
            Files.writeString(out.resolve("sources/synthetic-" + (s + 1) + ".md"), sources[s]);
        }
    }
}
