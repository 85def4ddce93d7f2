/**
 * What hostile clients and careless operators cannot do: the fuzzer's hostile requests,
 * secrets that never leave the server, partners kept apart, authentication on every
 * spelling of a path, and operators' text escaped on shoppers' pages.
 */
package com.smartengage.security;
