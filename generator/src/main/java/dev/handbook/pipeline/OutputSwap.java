package dev.handbook.pipeline;

import dev.handbook.site.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Where a build writes: a staging tree beside the output ({@code <out>.building}), swapped in whole once everything
 * in it is written and checked, so a failed build leaves the site before it in place. The topic pages of the site
 * it replaces wait in {@code .cache} for the next build to write over (see {@link #recycle}).
 */
final class OutputSwap {
    /** Where the topic pages of the build before last wait, in {@code .cache}, to be written over. */
    static final String RECYCLED_PAGES = "recycled-topic-pages";

    private final Path target;
    private final Path staging;
    private final Path recycledPages;

    /** @param target the output directory, absolute; {@code cacheDir} is the {@code .cache} beside it */
    OutputSwap(Path target, Path cacheDir) {
        this.target = target;
        this.staging = target.resolveSibling(target.getFileName() + ".building");
        this.recycledPages = cacheDir.resolve(RECYCLED_PAGES);
    }

    /** An empty staging tree (what a failed build left there is removed), holding the old topic pages if any. */
    Path stage() throws IOException {
        FileTrees.delete(staging);
        Files.createDirectories(staging);
        recycle(recycledPages, staging.resolve("topics"));
        return staging;
    }

    /**
     * Replaces the output by the staging tree: the old tree is moved aside first and removed last, but for its
     * topic pages, which wait for the next build to write over.
     */
    void swapIn() throws IOException {
        Path old = target.resolveSibling(target.getFileName() + ".old");
        FileTrees.delete(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        try {
            FileTrees.delete(recycledPages);
            if (!sharesFiles(old.resolve("topics"))) {
                recycle(old.resolve("topics"), recycledPages);
            }
        } catch (IOException e) {
            // the new site is in place: without old pages to write over, the next build writes its pages anew
        }
        FileTrees.delete(old);
    }

    /** After a failed build: the staging tree goes, the output stays as it was. */
    void abandon() throws IOException {
        FileTrees.delete(staging);
    }

    /**
     * Moves a directory of topic pages where a build writes over them. The output is built in a new tree and
     * swapped in whole, so every build used to create thousands of pages and delete as many: on ext4 without a
     * journal (the benchmark machine's) each new file then passes over the inodes freed in the last minute, and
     * creating 6,000 pages took from 0.08 s to 1.6 s depending on what the builds before had deleted; written
     * over, 0.04 s to 0.12 s. So the topic pages of the build before last wait in {@code .cache}, the site
     * writes its pages over them and removes those of topics gone.
     */
    private static void recycle(Path pages, Path to) throws IOException {
        if (!Files.isDirectory(pages)) {
            return;
        }
        try {
            Files.createDirectories(to.getParent());
            Files.move(pages, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            FileTrees.delete(pages); // another file system, say: the pages are written anew
        }
    }

    /**
     * Whether a file in {@code dir} has another name too (a hard link: {@code cp -al site-out backup}): written
     * over, it would change in the other place as well. Also true where the file system cannot tell.
     */
    private static boolean sharesFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> {
                try {
                    return ((Number) Files.getAttribute(f, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() != 1;
                } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                    return true;
                }
            });
        }
    }
}
