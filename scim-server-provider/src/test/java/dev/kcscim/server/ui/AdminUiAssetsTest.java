package dev.kcscim.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminUiAssetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "app.css", "js/app.js", "js/target-status.js", "img/logo.svg"})
    void servableNames(String name) {
        assertThat(AdminUiAssets.NAME.matcher(name).matches()).isTrue();
    }

    /** Nothing outside the folder, no other classpath resource type, no hidden or upper-case names. */
    @ParameterizedTest
    @ValueSource(strings = {"../x.js", "js/../app.js", "/etc/passwd", "a/b/c.js", "messages/messages_en.properties",
            "Index.html", ".hidden.js", "js/app.js?x", "app.class", "app.json", "", "js/", "js\\app.js"})
    void refusedNames(String name) {
        assertThat(AdminUiAssets.NAME.matcher(name).matches()).isFalse();
        assertThat(AdminUiAssets.find(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL,en", "'',en", "de-DE;q=0.9,en", "xx,en", "*,en", "en-GB,en"}, nullValues = "NULL")
    void languageFallsBackToEnglish(String header, String expected) {
        assertThat(AdminUiAssets.language(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"plain|\"plain\"", "a\"b|\"a\\\"b\"", "back\\slash|\"back\\\\slash\"",
            "<script>|\"\\u003cscript>\"", "tab\there|\"tab\\u0009here\""}, delimiter = '|')
    void jsonQuoting(String value, String expected) {
        assertThat(AdminUiAssets.quote(value)).isEqualTo(expected);
    }
}
