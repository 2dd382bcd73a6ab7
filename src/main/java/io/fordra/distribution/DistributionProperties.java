package io.fordra.distribution;

import io.fordra.customer.Channel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.distribution.*: which channels the seller has switched on, the default channel (for customers whose preferred
 * channel is not active) and the reserve channel (for documents that do not meet their channel's criteria), and the
 * undo window. The choice itself is made in processes/distribution-channel.dmn.
 */
@ConfigurationProperties("fordra.distribution")
record DistributionProperties(Duration undoWindow, Set<Channel> activeChannels, Channel defaultChannel,
                                     Channel reserveChannel) {

  private static final Set<Channel> LETTER_CHANNELS = EnumSet.of(Channel.EMAIL, Channel.PRINT, Channel.EINVOICE);

  public DistributionProperties {
    undoWindow = undoWindow == null ? Duration.ofMinutes(5) : undoWindow;
    activeChannels = activeChannels == null || activeChannels.isEmpty() ? EnumSet.allOf(Channel.class)
        : EnumSet.copyOf(activeChannels);
    defaultChannel = defaultChannel == null ? Channel.EMAIL : defaultChannel;
    reserveChannel = reserveChannel == null ? Channel.PRINT : reserveChannel;
    if (undoWindow.isNegative()) {
      throw new IllegalArgumentException("fordra.distribution.undo-window must not be negative");
    }
    for (Channel channel : new Channel[] {defaultChannel, reserveChannel}) {
      if (!LETTER_CHANNELS.contains(channel) || !activeChannels.contains(channel)) {
        throw new IllegalArgumentException("fordra.distribution default-channel and reserve-channel must be one of "
            + "EMAIL, PRINT, EINVOICE and listed in active-channels " + activeChannels + "; got " + channel);
      }
    }
  }

  public boolean isActive(Channel channel) {
    return activeChannels.contains(channel);
  }
}
