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
//   auto year = shixian::parse_iso_date(text).transform([](shixian::Date x) { return x.year(); });
//
// expected<bool, E> does not convert to bool (is_workday's "no error" is not
// "a working day"): write r.has_value() and *r.
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
  /// "Has a value". Refused for expected<bool, E>: `if (cal.is_workday(d))`
  /// would be true on a holiday. Write `r.has_value()` and `*r` (or `r.value()`).
  explicit operator bool() const noexcept requires(!std::is_same_v<std::remove_cv_t<T>, bool>) {
    return has_value();
  }
  // expected<bool, E>: use has_value() for "no error" and *r / value() for the bool itself.
  explicit operator bool() const noexcept requires(std::is_same_v<std::remove_cv_t<T>, bool>) = delete;

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
    return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  T value_or(U&& fallback) && {
    return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(fallback));
  }
  /// The error, or `fallback` when there is a value.
  template <class G>
  E error_or(G&& fallback) const& {
    return has_value() ? static_cast<E>(std::forward<G>(fallback)) : error();
  }

  // Monadic operations, as std::expected (C++23).
  /// f(value) -> expected<U, E>; the error passes through.
  template <class F>
  auto and_then(F&& f) const& {
    using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    static_assert(std::is_same_v<typename R::error_type, E>, "and_then: f must return expected<U, E>");
    if (has_value()) return std::forward<F>(f)(**this);
    return R(unexpected<E>(error()));
  }
  template <class F>
  auto and_then(F&& f) && {
    using R = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
    static_assert(std::is_same_v<typename R::error_type, E>, "and_then: f must return expected<U, E>");
    if (has_value()) return std::forward<F>(f)(std::move(**this));
    return R(unexpected<E>(std::move(error())));
  }
  /// f(value) -> U: expected<U, E>; the error passes through.
  template <class F>
  auto transform(F&& f) const& {
    using U = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    if (has_value()) return expected<U, E>(std::forward<F>(f)(**this));
    return expected<U, E>(unexpected<E>(error()));
  }
  template <class F>
  auto transform(F&& f) && {
    using U = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
    if (has_value()) return expected<U, E>(std::forward<F>(f)(std::move(**this)));
    return expected<U, E>(unexpected<E>(std::move(error())));
  }
  /// f(error) -> expected<T, G>; the value passes through.
  template <class F>
  auto or_else(F&& f) const& {
    using R = std::remove_cvref_t<std::invoke_result_t<F, const E&>>;
    static_assert(std::is_same_v<typename R::value_type, T>, "or_else: f must return expected<T, G>");
    if (has_value()) return R(**this);
    return std::forward<F>(f)(error());
  }
  template <class F>
  auto or_else(F&& f) && {
    using R = std::remove_cvref_t<std::invoke_result_t<F, E&&>>;
    static_assert(std::is_same_v<typename R::value_type, T>, "or_else: f must return expected<T, G>");
    if (has_value()) return R(std::move(**this));
    return std::forward<F>(f)(std::move(error()));
  }
  /// f(error) -> G: expected<T, G>; the value passes through.
  template <class F>
  auto transform_error(F&& f) const& {
    using G = std::remove_cvref_t<std::invoke_result_t<F, const E&>>;
    if (has_value()) return expected<T, G>(**this);
    return expected<T, G>(unexpected<G>(std::forward<F>(f)(error())));
  }

 private:
  void checked() const {
    if (!has_value()) throw bad_expected_access("shixian::expected: value() called on an error");
  }
  std::variant<T, E> state_;
};

}  // namespace shixian
