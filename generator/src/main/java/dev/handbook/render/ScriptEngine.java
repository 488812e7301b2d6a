package dev.handbook.render;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * KaTeX and highlight.js, run at build time inside GraalJS so pages need no math or highlighting script.
 * One engine and one context, started on first use (a build whose formulas and code are all cached never starts
 * it) and used by one thread at a time. Both libraries come from their webjars on the classpath.
 */
final class ScriptEngine implements AutoCloseable {
    static final String KATEX = "META-INF/resources/webjars/katex/0.18.11/dist/katex.min.js";
    static final String HIGHLIGHT = "META-INF/resources/webjars/highlightjs/11.11.1/highlight.min.js";

    private Engine engine;
    private Context context;
    private Value katex;
    private Value hljs;
    private int started;

    /** The result of rendering one formula: KaTeX's HTML, or the error KaTeX gave. */
    record Rendered(String html, String error) {
    }

    /** Starts the engine now rather than on first use. */
    void warmUp() {
        start();
    }

    private synchronized void start() {
        if (context != null) {
            return;
        }
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context = Context.newBuilder("js").engine(engine).allowAllAccess(false).build();
        context.eval(source(KATEX, "katex.min.js"));
        context.eval(source(HIGHLIGHT, "highlight.min.js"));
        katex = context.getBindings("js").getMember("katex");
        hljs = context.getBindings("js").getMember("hljs");
        started++;
    }

    private static Source source(String resource, String name) {
        try (InputStream in = ScriptEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Rendered formula(String tex, boolean display) {
        start();
        Value options = context.eval("js", "({})");
        options.putMember("displayMode", display);
        options.putMember("throwOnError", true);
        options.putMember("output", "htmlAndMathml");
        options.putMember("trust", false);
        options.putMember("strict", "ignore");
        try {
            return new Rendered(katex.invokeMember("renderToString", tex, options).asString(), null);
        } catch (PolyglotException e) {
            String message = e.getMessage() == null ? "invalid formula" : e.getMessage();
            return new Rendered(null, message.replaceFirst("^KaTeX parse error: ", ""));
        }
    }

    /** highlight.js markup for {@code code}, or null when the language is unknown. */
    synchronized String highlight(String code, String language) {
        start();
        if (hljs.invokeMember("getLanguage", language).isNull()) {
            return null;
        }
        Value options = context.eval("js", "({})");
        options.putMember("language", language);
        options.putMember("ignoreIllegals", true);
        return hljs.invokeMember("highlight", code, options).getMember("value").asString();
    }

    /** How many times the engine was started (0 when everything came from the cache). */
    synchronized int starts() {
        return started;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            engine.close();
            context = null;
        }
    }
}
