// Package model holds keyhole's domain types and pure logic: secrets, values,
// versions, audit events, classified errors and the text sanitizer. It does no
// I/O and knows nothing of the AWS SDK or Bubble Tea.
package model
