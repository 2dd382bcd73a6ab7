package io.fordra.customer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** fordra_customer_event and the fields each changed (fordra_customer_event_change). */
@Repository
class CustomerEventRepository {

  private final JdbcClient jdbc;

  public CustomerEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String customerNumber, CustomerEvent event) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_customer_event (customer_number, event_type, occurred_at, changed_by, reason)
        VALUES (?, ?, ?, ?, ?)""")
        .params(customerNumber, event.type().name(), OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC),
            event.by(), event.reason())
        .update(key, "id");
    long id = key.getKey().longValue();
    int number = 0;
    for (CustomerEvent.Change change : event.changes()) {
      jdbc.sql("""
          INSERT INTO fordra_customer_event_change (event_id, change_no, field, old_value, new_value)
          VALUES (?, ?, ?, ?, ?)""")
          .params(id, ++number, change.field(), change.from(), change.to()).update();
    }
  }

  /** The customer's events, oldest first, each with its changes. */
  public List<CustomerEvent> of(String customerNumber) {
    Map<Long, CustomerEvent> events = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT id, event_type, occurred_at, changed_by, reason FROM fordra_customer_event
        WHERE customer_number = ? ORDER BY id""").param(customerNumber)
        .query((rs, row) -> new CustomerEvent(rs.getLong("id"), CustomerEvent.Type.valueOf(rs.getString("event_type")),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by"),
            rs.getString("reason"), new ArrayList<>()))
        .list().forEach(e -> events.put(e.id(), e));
    jdbc.sql("""
        SELECT c.event_id, c.field, c.old_value, c.new_value FROM fordra_customer_event_change c
        JOIN fordra_customer_event e ON e.id = c.event_id
        WHERE e.customer_number = ? ORDER BY c.event_id, c.change_no""").param(customerNumber)
        .query(rs -> {
          events.get(rs.getLong("event_id")).changes().add(new CustomerEvent.Change(rs.getString("field"),
              rs.getString("old_value"), rs.getString("new_value")));
        });
    return events.values().stream().map(e -> new CustomerEvent(e.id(), e.type(), e.at(), e.by(), e.reason(),
        List.copyOf(e.changes()))).toList();
  }
}
