package model

// OwnerWarning warns, for the confirmation of doing something to the
// secret ("changing", "deleting"), that another service manages it; it is
// empty for a secret no service owns.
func (s Secret) OwnerWarning(doing string) string {
	if s.OwningService == "" {
		return ""
	}
	owner := Sanitize(s.OwningService)
	return "Owned by " + owner + ": " + doing + " it here can break " + owner + " or be undone by it."
}
