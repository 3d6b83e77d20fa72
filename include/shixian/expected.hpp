// File: shixian/expected.hpp
//
// `expected<T, E>`: a value or the error that prevented it. A small subset of
// C++23's std::expected (libstdc++ 12 has none in C++20 mode), with the same
// member names so the alias can be swapped in once C++23 is allowed.
//
// Example:
//   shixian::expected<shixian::Date, shixian::Error> d = shixian::parse_iso_date("2016-09-30");
//   if (!d) std::cerr << d.error().message;
//   else use(*d);
#pragma once

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace shixian {

/// Wraps an error so that `return unexpected(err);` converts to any expected<T, E>.
/// Thrown by expected::value() when it holds an error (a caller's bug, not bad input).
class bad_expected_access : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

template <class E>
class unexpected {
 public:
  explicit unexpected(E e) : error_(std::move(e)) {}
  const E& error() const& { return error_; }
  E&& error() && { return std::move(error_); }

 private:
  E error_;
};

template <class E>
unexpected(E) -> unexpected<E>;

template <class T, class E>
class [[nodiscard]] expected {
 public:
  using value_type = T;
  using error_type = E;

  expected() requires std::is_default_constructible_v<T> : state_(std::in_place_index<0>) {}
  expected(const T& v) : state_(std::in_place_index<0>, v) {}         // NOLINT: implicit by design
  expected(T&& v) : state_(std::in_place_index<0>, std::move(v)) {}   // NOLINT
  template <class G>
  expected(const unexpected<G>& u) : state_(std::in_place_index<1>, u.error()) {}  // NOLINT
  template <class G>
  expected(unexpected<G>&& u) : state_(std::in_place_index<1>, std::move(u).error()) {}  // NOLINT

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// Throws bad_expected_access when there is no value (as std::expected does).
  T& value() & { return checked(), *std::get_if<0>(&state_); }
  const T& value() const& { return checked(), *std::get_if<0>(&state_); }
  T&& value() && { return checked(), std::move(*std::get_if<0>(&state_)); }
  /// Unchecked. Precondition: has_value().
  T& operator*() & { return *std::get_if<0>(&state_); }
  const T& operator*() const& { return *std::get_if<0>(&state_); }
  T&& operator*() && { return std::move(*std::get_if<0>(&state_)); }
  T* operator->() { return std::get_if<0>(&state_); }
  const T* operator->() const { return std::get_if<0>(&state_); }

  /// Precondition: !has_value().
  E& error() & { return *std::get_if<1>(&state_); }
  const E& error() const& { return *std::get_if<1>(&state_); }
  E&& error() && { return std::move(*std::get_if<1>(&state_)); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void checked() const {
    if (!has_value()) throw bad_expected_access("shixian::expected: value() called on an error");
  }
  std::variant<T, E> state_;
};

}  // namespace shixian
