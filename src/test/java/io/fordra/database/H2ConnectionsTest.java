package io.fordra.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

class H2ConnectionsTest {

  @Test
  void anH2UrlGetsResultReuseOff() {
    assertThat(H2Connections.withoutResultReuse("jdbc:h2:file:./data/fordra;DB_CLOSE_ON_EXIT=FALSE"))
        .isEqualTo("jdbc:h2:file:./data/fordra;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE");
    assertThat(H2Connections.withoutResultReuse("jdbc:h2:mem:fordra-unit"))
        .isEqualTo("jdbc:h2:mem:fordra-unit;OPTIMIZE_REUSE_RESULTS=FALSE");
    assertThat(H2Connections.withoutResultReuse("JDBC:H2:mem:x;LOCK_TIMEOUT=30000;"))
        .isEqualTo("JDBC:H2:mem:x;LOCK_TIMEOUT=30000;OPTIMIZE_REUSE_RESULTS=FALSE");
  }

  @Test
  void aUrlThatAlreadyNamesTheSettingOrIsNotH2StaysAsItIs() {
    assertThat(H2Connections.withoutResultReuse("jdbc:h2:mem:x;optimize_reuse_results=false"))
        .isEqualTo("jdbc:h2:mem:x;optimize_reuse_results=false");
    assertThat(H2Connections.withoutResultReuse("jdbc:postgresql://127.0.0.1:5432/fordra"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/fordra");
    assertThat(H2Connections.withoutResultReuse(null)).isNull();
  }

  @Test
  void theDataSourcePropertiesGetIt() {
    DataSourceProperties properties = new DataSourceProperties();
    properties.setUrl("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
    new H2Connections().postProcessBeforeInitialization(properties, "spring.datasource");
    assertThat(properties.getUrl())
        .isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE;LOCK_TIMEOUT=30000");
  }

  @Test
  void anH2UrlGetsTheLockTimeoutUnlessItNamesOne() {
    assertThat(H2Connections.forFordra("jdbc:h2:file:/var/fordra/db"))
        .isEqualTo("jdbc:h2:file:/var/fordra/db;OPTIMIZE_REUSE_RESULTS=FALSE;LOCK_TIMEOUT=30000");
    assertThat(H2Connections.forFordra("jdbc:h2:mem:fordra-unit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000"))
        .isEqualTo("jdbc:h2:mem:fordra-unit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000;OPTIMIZE_REUSE_RESULTS=FALSE");
    assertThat(H2Connections.forFordra("jdbc:postgresql://127.0.0.1:5432/fordra"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/fordra");
  }
}
