package com.engagementledger.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's switches, as the README documents them. */
class LauncherOptionsTest {
    private static final Path WORK = Path.of("/tmp/ledger-work");

    private static LauncherOptions parse(Map<String, String> env, String... args) {
        return LauncherOptions.parse(args, env, WORK);
    }

    @Test
    void without_arguments_it_runs_everything_from_the_current_directory() {
        LauncherOptions options = parse(Map.of());

        assertThat(options.demo()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.noServices()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.home()).isEqualTo(WORK);
        assertThat(options.localDir()).isEqualTo(WORK.resolve(".ledger-local"));
        assertThat(options.startTimeout()).isEqualTo(LauncherOptions.DEFAULT_START_TIMEOUT);
    }

    @Test
    void postgres_settings_are_passed_on_and_a_malformed_one_is_refused() {
        LauncherOptions options = parse(Map.of(), "--pg-setting", "shared_preload_libraries=pg_stat_statements",
                "--pg-setting=work_mem=8MB");

        assertThat(options.postgresSettings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("shared_preload_libraries", "pg_stat_statements", "work_mem", "8MB"));
        assertThat(parse(Map.of()).postgresSettings()).isEmpty();
        assertThatThrownBy(() -> parse(Map.of(), "--pg-setting", "work_mem"))
                .hasMessageContaining("key=value");
    }

    @Test
    void switches_are_recognised() {
        LauncherOptions options = parse(Map.of(), "--demo", "--fresh", "--timeout", "90");

        assertThat(options.demo()).isTrue();
        assertThat(options.fresh()).isTrue();
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse(Map.of(), "--no-services").noServices()).isTrue();
        assertThat(parse(Map.of(), "--help").help()).isTrue();
        assertThat(parse(Map.of(), "-h").help()).isTrue();
    }

    @Test
    void home_comes_from_the_option_before_the_environment() {
        assertThat(parse(Map.of("LEDGER_HOME", "/opt/ledger")).home()).isEqualTo(Path.of("/opt/ledger"));
        assertThat(parse(Map.of("LEDGER_HOME", "/opt/ledger"), "--home", "/srv/ledger").home())
                .isEqualTo(Path.of("/srv/ledger"));
        assertThat(parse(Map.of(), "--home=/srv/other").home()).isEqualTo(Path.of("/srv/other"));
        assertThat(parse(Map.of("LEDGER_HOME", " ")).home()).isEqualTo(WORK);
    }

    @Test
    void service_jars_are_found_under_home() {
        Path home = parse(Map.of(), "--home", "/srv/ledger").home();

        assertThat(LedgerService.ENGAGEMENT.jar(home))
                .isEqualTo(Path.of("/srv/ledger/engagement-service/target/engagement-service.jar"));
        assertThat(LedgerService.ALL).extracting(LedgerService::defaultPort).containsExactly(8081, 8082, 8083);
        assertThat(LedgerService.ALL).extracting(LedgerService::database)
                .containsExactly("ledger_engagement", "ledger_scorecard", "ledger_notification");
    }

    @Test
    void unknown_or_incomplete_options_are_refused_with_a_reason() {
        assertThatThrownBy(() -> parse(Map.of(), "--dmeo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option '--dmeo'");
        assertThatThrownBy(() -> parse(Map.of(), "--home")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--home needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--home", "--demo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--home needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--timeout", "soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive number of seconds");
    }

    @Test
    void demo_needs_the_services() {
        assertThatThrownBy(() -> parse(Map.of(), "--demo", "--no-services"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--no-services");
    }
}
