package dev.handbook.link;

import java.util.Arrays;

/**
 * {@link Linker#score} of one topic against each of its candidates, without hashing: the focused topic's terms are
 * spread over arrays indexed by term id, and each candidate's terms are read in order and looked up there.
 *
 * <p>Every sum still runs over the terms in the order {@link Linker#score} adds them (a product is stored at its
 * term's position, and the positions are summed in order, an absent term adding zero), so the scores are the same
 * doubles and the links do not change. Not thread-safe: it holds the focused topic, so each run of topics that
 * the linker scores in parallel has a scorer of its own.
 */
final class PairScorer {
    /** Position of each term id among the focused topic's question (answer) terms, or -1. */
    private final int[] questionPosition;
    private final int[] answerPosition;
    private Linker.Profile focused;
    private double[] questionProducts = new double[0];
    private double[] answerProducts = new double[0];
    private double[] mentioned = new double[0];

    PairScorer(int termCount) {
        questionPosition = new int[termCount];
        answerPosition = new int[termCount];
        Arrays.fill(questionPosition, -1);
        Arrays.fill(answerPosition, -1);
    }

    /** Makes {@code a} the topic that {@link #score} compares with; {@link #release} before focusing another. */
    void focus(Linker.Profile a) {
        focused = a;
        int[] q = a.questionTerms().ids();
        int[] ans = a.answerTerms().ids();
        for (int k = 0; k < q.length; k++) {
            questionPosition[q[k]] = k;
        }
        for (int k = 0; k < ans.length; k++) {
            answerPosition[ans[k]] = k;
        }
        questionProducts = grown(questionProducts, q.length);
        mentioned = grown(mentioned, q.length);
        answerProducts = grown(answerProducts, ans.length);
    }

    void release() {
        for (int id : focused.questionTerms().ids()) {
            questionPosition[id] = -1;
        }
        for (int id : focused.answerTerms().ids()) {
            answerPosition[id] = -1;
        }
        focused = null;
    }

    /** {@link Linker#score}{@code (focused, b)}, to the last bit. */
    double score(Linker.Profile b) {
        Linker.Profile a = focused;
        return 0.5 * cosine(a.questionTerms(), a.questionNorm(), b.questionTerms(), b.questionNorm(),
                questionPosition, questionProducts)
                + 0.25 * (mentionsOfFocused(b) + mentionsByFocused(b)) / 2
                + 0.25 * cosine(a.answerTerms(), a.answerNorm(), b.answerTerms(), b.answerNorm(),
                answerPosition, answerProducts);
    }

    private static double cosine(Linker.Terms a, double normA, Linker.Terms b, double normB, int[] position,
                                 double[] products) {
        if (normA == 0 || normB == 0) {
            return 0;
        }
        int n = a.ids().length;
        Arrays.fill(products, 0, n, 0);
        int[] ids = b.ids();
        double[] weights = b.weights();
        for (int m = 0; m < ids.length; m++) {
            int k = position[ids[m]];
            if (k >= 0) {
                products[k] = a.weights()[k] * weights[m];
            }
        }
        double dot = 0;
        for (int k = 0; k < n; k++) {
            dot += products[k];
        }
        return dot / (normA * normB);
    }

    /** How much of what the focused topic asks {@code b}'s answers talk about. */
    private double mentionsOfFocused(Linker.Profile b) {
        Linker.Terms asked = focused.questionTerms();
        int n = asked.ids().length;
        Arrays.fill(mentioned, 0, n, 0);
        for (int id : b.answerTerms().ids()) {
            int k = questionPosition[id];
            if (k >= 0) {
                mentioned[k] = asked.weights()[k];
            }
        }
        double found = 0;
        for (int k = 0; k < n; k++) {
            found += mentioned[k];
        }
        return asked.sum() == 0 ? 0 : found / asked.sum();
    }

    /** How much of what {@code b} asks the focused topic's answers talk about. */
    private double mentionsByFocused(Linker.Profile b) {
        Linker.Terms asked = b.questionTerms();
        double found = 0;
        for (int k = 0; k < asked.ids().length; k++) {
            if (answerPosition[asked.ids()[k]] >= 0) {
                found += asked.weights()[k];
            }
        }
        return asked.sum() == 0 ? 0 : found / asked.sum();
    }

    private static double[] grown(double[] array, int size) {
        return array.length >= size ? array : new double[Math.max(size, array.length * 2)];
    }
}
