package com.engagementledger.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository documents itself: every relative link of its Markdown resolves to a file of the repository, and
 * none leaves it (a reader of the repository has nothing outside it).
 */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:");

    @Test
    void every_relative_link_of_the_markdown_resolves_inside_the_repository() throws IOException {
        Path root = repositoryRoot();
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path doc : markdown(root)) {
            Matcher link = LINK.matcher(Files.readString(doc));
            while (link.find()) {
                String target = link.group(1);
                if (SCHEME.matcher(target).find() || target.startsWith("#")) {
                    continue;
                }
                links++;
                Path resolved = doc.getParent().resolve(target.split("#")[0]).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(links).as("relative links found").isGreaterThan(10);
        assertThat(broken).as("links that leave the repository or resolve to nothing").isEmpty();
    }

    /** The repository's Markdown, without build output and local run data. */
    private static List<Path> markdown(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String relative = root.relativize(p).toString().replace('\\', '/');
                        return !relative.startsWith(".") && !relative.contains("/target/")
                                && !relative.contains("node_modules/");
                    })
                    .toList();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a directory above the tests holding mvnw").isNotNull();
        return dir.normalize();
    }
}
