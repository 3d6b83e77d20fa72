#!/usr/bin/env python3
"""The C API (shixian/shixian.h) from Python through ctypes: no compiler, no
binding code beyond these declarations. Usage: shixian_ctypes.py [path/to/libshixian.so]"""
import ctypes
import datetime
import sys

lib = ctypes.CDLL(sys.argv[1] if len(sys.argv) > 1 else "libshixian.so.0")
EPOCH = datetime.date(1970, 1, 1)
P = ctypes.c_void_p


class Deadline(ctypes.Structure):  # struct shixian_deadline
    _fields_ = [("label", ctypes.c_char_p), ("type", ctypes.c_int), ("has_due", ctypes.c_int),
                ("due", ctypes.c_int32), ("minute", ctypes.c_int32), ("period_start", ctypes.c_int32),
                ("period_end", ctypes.c_int32), ("at_least", ctypes.c_uint32), ("min_days", ctypes.c_uint32),
                ("min_working_days", ctypes.c_uint32), ("provisional", ctypes.c_int), ("item", ctypes.c_uint32)]


class Event(ctypes.Structure):  # struct shixian_event
    _fields_ = [("name", ctypes.c_char_p), ("date", ctypes.c_int32), ("minute", ctypes.c_int32)]


lib.shixian_version.restype = ctypes.c_char_p
lib.shixian_calendar_china.restype = P
lib.shixian_calendar_add_workdays.argtypes = [P, ctypes.c_int32, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32),
                                              ctypes.POINTER(P)]
lib.shixian_rule_parse.argtypes = [ctypes.c_char_p, P, ctypes.POINTER(P), ctypes.POINTER(P)]
lib.shixian_rule_due.argtypes = [P, ctypes.c_int32, ctypes.POINTER(Event), ctypes.c_size_t, ctypes.POINTER(Deadline),
                                 ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(P)]
lib.shixian_rule_free.argtypes = [P]
lib.shixian_error_string.argtypes = [P]
lib.shixian_error_string.restype = ctypes.c_char_p
lib.shixian_error_free.argtypes = [P]


class ShixianError(Exception):
    pass


def check(status, error):
    if status != 0:
        message = lib.shixian_error_string(error).decode()
        lib.shixian_error_free(error)
        raise ShixianError(message)


def add_workdays(day, n):
    out, error = ctypes.c_int32(), P()
    check(lib.shixian_calendar_add_workdays(lib.shixian_calendar_china(), (day - EPOCH).days, n,
                                            ctypes.byref(out), ctypes.byref(error)), error)
    return EPOCH + datetime.timedelta(days=out.value)


def due(rule_text, year, events):
    rule, error = P(), P()
    check(lib.shixian_rule_parse(rule_text.encode(), None, ctypes.byref(rule), ctypes.byref(error)), error)
    try:
        evs = (Event * len(events))(*[Event(k.encode(), (v - EPOCH).days, -1) for k, v in events.items()])
        out, count = (Deadline * 8)(), ctypes.c_size_t()
        check(lib.shixian_rule_due(rule, year, evs, len(events), out, 8, ctypes.byref(count), ctypes.byref(error)),
              error)
        return [(d.label.decode(), EPOCH + datetime.timedelta(days=d.due)) for d in out[:count.value]]
    finally:
        lib.shixian_rule_free(rule)


if __name__ == "__main__":
    print("shixian", lib.shixian_version().decode())
    formed = datetime.date(2016, 9, 30)
    assert add_workdays(formed, 3) == datetime.date(2016, 10, 10)  # 10/8 (Sat, 调休上班) is the 1st
    print("2016-09-30 + 3 working days =", add_workdays(formed, 3))
    print(due("形成文件后3个工作日公开", 2016, {"形成文件": formed}))
    try:
        due("形成文件后3个工作", 2016, {})
        raise SystemExit("a bad rule parsed")
    except ShixianError as e:
        assert "期望时间单位" in str(e), e
        print("error:", e)
