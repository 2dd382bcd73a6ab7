package io.fordra.distribution.efaktura;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On fordra.efaktura.refresh-cron ("-" = off) asks the eFaktura register again about every person it was asked about
 * before: consent given or stopped in the online bank reaches Fordra before the next invoice. Every node may run it;
 * each answer is stored under the customer's row lock, so two runs store the same answer twice at worst.
 */
@Component
class EFakturaRefreshSchedule {

  private static final Logger log = LoggerFactory.getLogger(EFakturaRefreshSchedule.class);

  private final EFakturaRegister register;
  private final EFakturaProperties properties;

  EFakturaRefreshSchedule(EFakturaRegister register, EFakturaProperties properties) {
    this.register = register;
    this.properties = properties;
  }

  @Scheduled(cron = "${fordra.efaktura.refresh-cron:0 30 6 * * *}", zone = "${fordra.time-zone:Europe/Stockholm}")
  public void refresh() {
    if (!properties.configured()) {
      return;
    }
    int changed = 0;
    String after = "";
    try {
      for (List<String> batch = register.askedAbout(after); !batch.isEmpty(); batch = register.askedAbout(after)) {
        after = batch.get(batch.size() - 1);
        changed += register.refreshBatch(batch);
      }
      log.info("eFaktura register refreshed: {} person(s) changed status", changed);
    } catch (RuntimeException e) {
      // What was stored stays; the next run asks again from the start.
      log.error("eFaktura register refresh stopped after {} change(s); the next run tries again", changed, e);
    }
  }
}
