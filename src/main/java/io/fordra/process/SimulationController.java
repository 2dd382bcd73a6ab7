package io.fordra.process;

import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/simulation/clock {"advance":"P15D"}: only with fordra.simulation.enabled=true, otherwise 404. */
@RestController
public class SimulationController {

  public record AdvanceRequest(String advance) {}

  public record ClockView(Instant now) {}

  private final SimulationClock simulation;
  private final boolean enabled;

  public SimulationController(SimulationClock simulation,
                              @Value("${fordra.simulation.enabled:false}") boolean enabled) {
    this.simulation = simulation;
    this.enabled = enabled;
  }

  @PostMapping("/api/simulation/clock")
  public ClockView advance(@RequestBody AdvanceRequest request) {
    requireEnabled();
    try {
      return new ClockView(simulation.advance(request.advance()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("advance", e.getMessage());
    }
  }

  @GetMapping("/api/simulation/clock")
  public ClockView now() {
    requireEnabled();
    return new ClockView(simulation.now());
  }

  private void requireEnabled() {
    if (!enabled) {
      throw new NotFoundException("The simulation clock is off (fordra.simulation.enabled=false)");
    }
  }
}
