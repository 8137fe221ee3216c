"""Task supervision (督办), the pure parts: reporting periods, deadlines as written, the states of a
progress report, reminder messages. The database side lives in ``planwatch.services.workflow``."""
