package news

import (
	"crypto/sha256"
	"encoding/hex"
)

// Hash is the content hash articles are keyed and deduplicated by: the hex
// SHA-256 of the text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
