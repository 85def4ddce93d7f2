/** Checks of untrusted text, identifiers as the APIs echo them, hashing. */
@org.springframework.modulith.NamedInterface("text")
package com.smartengage.common.text;
