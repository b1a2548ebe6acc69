package model

// Account is one AWS account of an organisation, as Organizations lists it.
type Account struct {
	ID    string
	Name  string
	Email string
	// Status is ACTIVE, SUSPENDED, PENDING_CLOSURE, or another state AWS names.
	Status string
}
