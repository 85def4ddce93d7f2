package com.smartengage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application modules (ADR 0010): no cycle between them, and no module reaching into
 * another's internals. Also keeps the module documentation under {@code docs/modules/}
 * current: when the modules change, the build fails until the regenerated documentation
 * is committed ({@code ./mvnw test -Dtest=ModuleStructureTests -Dmodules.write-docs}).
 */
class ModuleStructureTests {

	private static final ApplicationModules modules = ApplicationModules.of(SmartEngageApplication.class);

	/** The repository's docs/modules: the tests run in the server module's folder. */
	private static final Path COMMITTED = Path.of("..", "docs", "modules");

	@Test
	void modulesFormNoCycleAndReachOnlyEachOthersPublishedTypes() {
		modules.verify();
	}

	@Test
	void theCommittedModuleDocumentationIsCurrent() throws IOException {
		Path generated = Path.of("target", "modulith-docs");
		document(generated);
		if (System.getProperty("modules.write-docs") != null) {
			document(COMMITTED);
		}
		assertThat(files(COMMITTED))
			.as("docs/modules/ differs from the modules; regenerate it with "
					+ "./mvnw test -Dtest=ModuleStructureTests -Dmodules.write-docs and commit it")
			.isEqualTo(files(generated));
	}

	private static void document(Path folder) {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		sortRelations(folder);
		writeOverview(folder.resolve("README.md"));
	}

	/**
	 * Sorts each diagram's runs of relation lines, which the Documenter writes in an
	 * order that changes from run to run, so that regenerating changes only what changed.
	 */
	private static void sortRelations(Path folder) {
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path diagram : paths.filter((path) -> path.toString().endsWith(".puml")).toList()) {
				List<String> lines = Files.readAllLines(diagram);
				List<String> sorted = new ArrayList<>();
				List<String> run = new ArrayList<>();
				for (String line : lines) {
					if (line.startsWith("Rel(")) {
						run.add(line);
						continue;
					}
					run.sort(null);
					sorted.addAll(run);
					run.clear();
					sorted.add(line);
				}
				run.sort(null);
				sorted.addAll(run);
				Files.write(diagram, sorted);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An overview GitHub renders: the modules and their direct dependencies, as a Mermaid
	 * graph and a table (the Documenter's PlantUML files need a PlantUML renderer).
	 */
	private static void writeOverview(Path file) {
		List<ApplicationModule> all = modules.stream()
			.sorted(Comparator.comparing(ApplicationModule::getName))
			.toList();
		StringBuilder graph = new StringBuilder();
		StringBuilder table = new StringBuilder();
		for (ApplicationModule module : all) {
			List<ApplicationModule> uses = module.getDirectDependencies(modules)
				.uniqueModules()
				.sorted(Comparator.comparing(ApplicationModule::getName))
				.toList();
			for (ApplicationModule used : uses) {
				if (used.getName().equals("common")) {
					continue;
				}
				graph.append("  ").append(module.getName()).append(" --> ").append(used.getName()).append('\n');
			}
			table.append("| [")
				.append(module.getDisplayName())
				.append("](module-")
				.append(module.getName())
				.append(".adoc) | `")
				.append(module.getBasePackage().getName())
				.append("` | ")
				.append(uses.stream().map(ApplicationModule::getName).collect(Collectors.joining(", ")))
				.append(" |\n");
		}
		String text = """
				# Application modules

				Generated from the code by `ModuleStructureTests` (Spring Modulith's `Documenter`); do not
				edit: change the code and regenerate with
				`./mvnw test -Dtest=ModuleStructureTests -Dmodules.write-docs`. ADR 0010 explains the
				structure. Each module's canvas (`module-*.adoc`) lists its published services, the
				beans it uses from other modules, and the events it publishes and listens to;
				`components.puml` and `module-*.puml` are the same as PlantUML C4 diagrams.

				Every module uses `common` (the shared kernel); the graph leaves those arrows out.

				```mermaid
				graph TD
				%s```

				| Module | Base package | Uses |
				|---|---|---|
				%s""".formatted(graph, table);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Each file's name and its lines, sorted: the Documenter writes some relations and
	 * canvas lists in an order that changes between runs, so the check is for lines added
	 * or removed.
	 */
	private static Map<String, List<String>> files(Path folder) throws IOException {
		Map<String, List<String>> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			paths.filter(Files::isRegularFile).forEach((path) -> {
				try {
					// A canvas cell's first item starts with the cell's "|"; which item
					// comes
					// first changes between runs too.
					files.put(path.getFileName().toString(),
							Files.readAllLines(path)
								.stream()
								.map((line) -> line.startsWith("|* ") ? line.substring(1) : line)
								.sorted()
								.toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		return files;
	}

}
