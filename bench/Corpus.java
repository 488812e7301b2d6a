import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic handbook of N questions in the real sources' shapes, and the same topics as a Hugo site, so both
 * tools build equivalent pages. Deterministic (seeded).
 *
 * Shapes: numbered web-page text ("Question K:", "•" bullets), coaching Q&A with labelled parts, Markdown with
 * "### K." headings, tables, code and formulas (~20 % of answers), and a README of bare question bullets with
 * answer links. About a third of subjects are asked by two or three sources in different words; look-alike
 * subjects share words but are different questions ("X loss" vs "X regularization").
 *
 * Usage: java bench/Corpus.java N OUT   (writes OUT/content and OUT/hugo; copies content/*.yaml)
 */
public class Corpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ten", "vo", "zu", "pex", "dor", "quin",
            "sa", "bel", "tor", "ny", "gra", "fi", "mo", "cle", "ust", "ar"};
    private static final String[] KINDS = {"regression", "clustering", "network", "encoder", "sampling",
            "optimizer", "kernel", "embedding", "tree", "attention"};
    private static final String[] ASK = {"What is %s?", "Explain %s.", "How does %s work?", "Describe %s in detail.",
            "What do you know about %s?"};
    private static final String[] WORDS = ("the model data training features learning value error loss set weights "
            + "gradient prediction input output layer sample class label test validation accuracy bias variance step "
            + "rate function parameter distribution average iteration batch").split(" ");

    record Subject(String name, List<String> questions, String answer, boolean math, boolean table, boolean code) {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(11);
        List<Subject> subjects = new ArrayList<>();
        int questions = 0;
        while (questions < n) {
            String base = name(random);
            String name = base + " " + KINDS[random.nextInt(KINDS.length)];
            int askers = random.nextInt(3) == 0 ? 2 + random.nextInt(2) : 1;
            askers = Math.min(askers, n - questions);
            List<String> asked = new ArrayList<>();
            for (int a = 0; a < askers; a++) {
                asked.add(String.format(ASK[(subjects.size() + a) % ASK.length], name));
            }
            questions += askers;
            StringBuilder answer = new StringBuilder(capital(name)).append(" is ");
            for (int w = 0; w < 50; w++) {
                answer.append(w % 12 == 0 ? name : WORDS[random.nextInt(WORDS.length)]).append(w == 49 ? "." : " ");
            }
            subjects.add(new Subject(name, asked, answer.toString(), random.nextInt(5) == 0, random.nextInt(6) == 0,
                    random.nextInt(8) == 0));
            if (random.nextInt(10) == 0 && questions < n) {
                // a look-alike: same words, different question
                subjects.add(new Subject(base + " loss", List.of("What is the " + base + " loss?"),
                        "The " + base + " loss measures error.", false, false, false));
                questions++;
            }
        }
        writeHandbook(subjects, out.resolve("content"));
        writeHugo(subjects, out.resolve("hugo"));
    }

    private static void writeHandbook(List<Subject> subjects, Path content) throws IOException {
        Path sources = Files.createDirectories(content.resolve("sources"));
        for (String f : new String[]{"handbook.yaml", "vocabulary.yaml"}) {
            Files.copy(Path.of("content", f), content.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        StringBuilder web = new StringBuilder("top of page\n\nMachine learning questions\n\n");
        StringBuilder coach = new StringBuilder("Interview questions\n");
        StringBuilder markdown = new StringBuilder("# Questions and answers\n\n## Common questions\n\n");
        StringBuilder readme = new StringBuilder("# Question list\n\n### Fundamentals\n\n");
        int[] counters = new int[4];
        for (int s = 0; s < subjects.size(); s++) {
            Subject subject = subjects.get(s);
            for (int q = 0; q < subject.questions().size(); q++) {
                String question = subject.questions().get(q);
                switch ((s + q) % 4) {
                    case 0 -> web.append("Question ").append(++counters[0]).append(": ").append(question)
                            .append("\n\n").append(subject.answer()).append("\n\n  • Key point: ")
                            .append(subject.name()).append(" matters.\n\n");
                    case 1 -> coach.append(++counters[1]).append(". ").append(question)
                            .append("\nWhy you might get asked this:\nIt is common.\nHow to answer:\nDefine it.\n")
                            .append("Example answer:\n").append(subject.answer()).append('\n');
                    case 2 -> {
                        markdown.append("### ").append(++counters[2]).append(". ").append(question).append("\n\n")
                                .append(subject.answer()).append("\n\n");
                        if (subject.math()) {
                            markdown.append("The score is $s = \\frac{w^\\top x}{\\sqrt{d}}$ for this ").append(subject.name())
                                    .append(".\n\n");
                        }
                        if (subject.table()) {
                            markdown.append("| Property | Value |\n|---|---|\n| Speed | fast |\n| Memory | low |\n\n");
                        }
                        if (subject.code()) {
                            markdown.append("```python\ndef fit(x):\n    return x * 2\n```\n\n");
                        }
                    }
                    default -> readme.append("- ").append(question).append("\n  - Answer: [")
                            .append(capital(subject.name())).append("](https://example.org/").append(s).append(")\n");
                }
            }
        }
        web.append("bottom of page\n");
        Files.writeString(sources.resolve("web-article.txt"), web);
        Files.writeString(sources.resolve("coaching.txt"), coach);
        Files.writeString(sources.resolve("markdown.md"), markdown);
        Files.writeString(sources.resolve("readme.md"), readme);
    }

    /** The same subjects as a minimal Hugo site: one page per subject with every phrasing and the answer. */
    private static void writeHugo(List<Subject> subjects, Path hugo) throws IOException {
        Path topics = Files.createDirectories(hugo.resolve("content/topics"));
        Files.createDirectories(hugo.resolve("layouts/_default"));
        Files.writeString(hugo.resolve("config.toml"), "baseURL = '/'\ntitle = 'Handbook'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n");
        Files.writeString(hugo.resolve("layouts/_default/baseof.html"),
                "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n");
        Files.writeString(hugo.resolve("layouts/_default/single.html"),
                "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n");
        Files.writeString(hugo.resolve("layouts/_default/list.html"),
                "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
        for (int s = 0; s < subjects.size(); s++) {
            Subject subject = subjects.get(s);
            StringBuilder page = new StringBuilder("---\ntitle: \"").append(subject.questions().get(0).replace("\"", "'"))
                    .append("\"\n---\n\n## Also asked as\n\n");
            subject.questions().forEach(q -> page.append("- ").append(q).append('\n'));
            page.append("\n## Answer\n\n").append(subject.answer()).append("\n\n");
            if (subject.table()) {
                page.append("| Property | Value |\n|---|---|\n| Speed | fast |\n| Memory | low |\n\n");
            }
            if (subject.code()) {
                page.append("```python\ndef fit(x):\n    return x * 2\n```\n");
            }
            Files.writeString(topics.resolve("t" + s + ".md"), page);
        }
    }

    private static String name(Random random) {
        StringBuilder sb = new StringBuilder();
        int parts = 3 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
