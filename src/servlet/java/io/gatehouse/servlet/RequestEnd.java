package io.gatehouse.servlet;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/** Closes the entity manager a request read with outside transactions, when the request is over. */
@WebListener
public class RequestEnd implements ServletRequestListener {

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        LocalTransactions.releaseThread();
    }
}
