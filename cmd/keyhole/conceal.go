package main

import (
	"bytes"
	"io"
	"slices"
	"sync"
)

// concealMark is what a concealed value is replaced with.
const concealMark = "<concealed by keyhole>"

// minConcealLen is the shortest value --conceal replaces: shorter ones
// would cut ordinary words out of the output.
const minConcealLen = 4

// concealer is a writer that replaces every value it was given with
// concealMark before passing bytes on. A value split across writes is
// still found: bytes that could start a value are held back until the
// next write shows whether they do, at most the longest value's length
// less one. Values that overlap become one mark. Close sends what is held.
type concealer struct {
	mu     sync.Mutex
	out    io.Writer
	values [][]byte
	held   []byte
	// done is how many bytes at the start of held a mark already stands
	// for: the head of a value whose start was sent as a mark.
	done int
}

// newConcealer wraps out, hiding the values of minConcealLen bytes or more.
func newConcealer(out io.Writer, values [][]byte) *concealer {
	c := &concealer{out: out}
	for _, v := range values {
		if len(v) >= minConcealLen && !slices.ContainsFunc(c.values, func(w []byte) bool { return bytes.Equal(v, w) }) {
			c.values = append(c.values, v)
		}
	}
	return c
}

// Write conceals and passes on what it can, holding back a possible start
// of a value. It reports all of p written unless out fails.
func (c *concealer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held = append(c.held, p...)
	if err := c.send(c.safeEnd()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close sends every byte still held.
func (c *concealer) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.send(len(c.held))
}

// safeEnd is where the held bytes that could begin a value start: the
// first position whose rest is a proper prefix of a value.
func (c *concealer) safeEnd() int {
	longest := 0
	for _, v := range c.values {
		longest = max(longest, len(v))
	}
	for i := max(0, len(c.held)-longest+1); i < len(c.held); i++ {
		rest := c.held[i:]
		for _, v := range c.values {
			if len(rest) < len(v) && bytes.HasPrefix(v, rest) {
				return i
			}
		}
	}
	return len(c.held)
}

// send writes held[:end], values replaced, and keeps the rest. A value
// that runs past end is marked now; the part of it kept is remembered in
// done so it is not marked twice.
func (c *concealer) send(end int) error {
	covered := c.covered()
	var out []byte
	for i := 0; i < end; {
		if !covered[i] {
			j := i
			for j < end && !covered[j] {
				j++
			}
			out = append(out, c.held[i:j]...)
			i = j
			continue
		}
		if i >= c.done {
			out = append(out, concealMark...)
		}
		for i < len(c.held) && covered[i] {
			i++
		}
		if i > end {
			// The value runs on into the bytes kept back.
			c.done = i - end
			c.held = slices.Clone(c.held[end:])
			return c.write(out)
		}
	}
	c.done = max(0, c.done-end)
	c.held = slices.Clone(c.held[end:])
	return c.write(out)
}

// write passes bytes on, if there are any.
func (c *concealer) write(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	_, err := c.out.Write(b)
	return err
}

// covered marks each held byte that is part of a value, or of the head
// already marked.
func (c *concealer) covered() []bool {
	covered := make([]bool, len(c.held))
	for i := range c.done {
		covered[i] = true
	}
	for _, v := range c.values {
		for from := 0; ; {
			i := bytes.Index(c.held[from:], v)
			if i < 0 {
				break
			}
			for k := from + i; k < from+i+len(v); k++ {
				covered[k] = true
			}
			from += i + 1
		}
	}
	return covered
}
