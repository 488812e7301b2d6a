package dev.handbook.extract;

import java.util.Objects;

/** An answer the source gives as a link elsewhere (a video, a post) rather than as text. */
public record AnswerLink(String title, String url) {
    public AnswerLink {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
