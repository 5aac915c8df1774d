// A real std::condition_variable wait/notify between two threads, so a test runs the forwarding definition of
// std::condition_variable::wait in glibc_compat.c (the link resolves this file's call to it).
#include <condition_variable>
#include <mutex>
#include <thread>

#include "glibc_compat.h"

extern "C" int cbt_condition_variable_probe(void) {
    std::mutex mutex;
    std::condition_variable ready;
    bool done = false;
    std::thread worker([&] {
        std::lock_guard<std::mutex> guard(mutex);
        done = true;
        ready.notify_one();
    });
    {
        std::unique_lock<std::mutex> lock(mutex);
        while (!done) ready.wait(lock);
    }
    worker.join();
    return done ? 1 : 0;
}
