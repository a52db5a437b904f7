package securechat.core.cli;

import java.nio.file.Path;
import securechat.core.protocol.Limits;
import securechat.core.terminal.ConsoleView;

/**
 * What a stage may need to build its {@link securechat.core.channel.ChannelSecurity}: the limits
 * (for its framer), the lab data directory (for keys and certificates) and a console to tell the
 * user what it did ("created a lab CA in lab-data/ca").
 */
public record StageContext(Limits limits, Path dataDir, ConsoleView console) {}
