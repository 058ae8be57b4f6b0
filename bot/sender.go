package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// ChannelSender posts messages to channels over REST alone: the briefing
// delivery of the HTTP endpoint mode, where no gateway session runs.
type ChannelSender struct{ s *discordgo.Session }

// NewChannelSender returns a sender over a REST session (see
// NewRESTSession).
func NewChannelSender(s *discordgo.Session) *ChannelSender { return &ChannelSender{s: s} }

// Send posts resp to a channel. Use Permanent on the error.
func (c *ChannelSender) Send(ctx context.Context, channelID string, resp commands.Response) error {
	if _, err := c.s.ChannelMessageSendComplex(channelID, message(resp), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("send to channel %s: %w", channelID, err)
	}
	return nil
}
