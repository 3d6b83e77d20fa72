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

#include <type_traits>
#include <utility>
#include <variant>

namespace shixian {

/// Wraps an error so that `return unexpected(err);` converts to any expected<T, E>.
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

  /// Precondition: has_value().
  T& value() & { return *std::get_if<0>(&state_); }
  const T& value() const& { return *std::get_if<0>(&state_); }
  T&& value() && { return std::move(*std::get_if<0>(&state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// Precondition: !has_value().
  E& error() & { return *std::get_if<1>(&state_); }
  const E& error() const& { return *std::get_if<1>(&state_); }
  E&& error() && { return std::move(*std::get_if<1>(&state_)); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, E> state_;
};

}  // namespace shixian
