-- wrk script: POST the form body in $FORM_BODY (client_credentials or password grants).
wrk.method = "POST"
wrk.body = os.getenv("FORM_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
