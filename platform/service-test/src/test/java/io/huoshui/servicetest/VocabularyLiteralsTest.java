package io.huoshui.servicetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Topic and event-type names are written once, in {@code platform/vocabulary}: a rename there is a
 * rename everywhere, and no main source elsewhere spells a name out as a string literal that the
 * rename would miss.
 */
class VocabularyLiteralsTest {

  private static final Path VOCABULARY = Path.of("platform", "vocabulary");

  /** Build output, tools' dependencies and version control: nothing of ours to read. */
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".huoshui");

  @Test
  void noMainSourceOutsideTheVocabularySpellsOutATopicOrAnEventType() throws IOException {
    List<String> literals = new ArrayList<>();
    for (String name : names(Topics.class)) {
      literals.add('"' + name + '"');
    }
    for (String name : names(EventTypes.class)) {
      literals.add('"' + name + '"');
    }
    assertThat(literals).contains("\"huoshui.matches\"", '"' + EventTypes.MATCH_PROPOSED + '"');

    Path repository = Contracts.repository();
    List<String> found = new ArrayList<>();
    Files.walkFileTree(
        repository,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
            String name = directory.getFileName().toString();
            return SKIPPED.contains(name) || repository.relativize(directory).equals(VOCABULARY)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            Path relative = repository.relativize(file);
            if (file.toString().endsWith(".java")
                && relative.toString().replace('\\', '/').contains("/src/main/java/")) {
              found.addAll(literalsIn(relative, file, literals));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    assertThat(found).as("topic or event-type literals outside platform/vocabulary").isEmpty();
  }

  private static List<String> literalsIn(Path relative, Path file, List<String> literals) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String> found = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        for (String literal : literals) {
          if (lines.get(i).contains(literal)) {
            found.add(relative + ":" + (i + 1) + " " + literal);
          }
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(Class<?> vocabulary) {
    return Arrays.stream(vocabulary.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .filter(field -> field.getType() == String.class)
        .map(VocabularyLiteralsTest::value)
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
