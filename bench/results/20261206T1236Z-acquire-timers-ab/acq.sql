prepare acq(timestamp, int, int) as
select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
from ACT_RU_JOB RES
where (RES.RETRIES_ > 0)
  and ( RES.DUEDATE_ <= $1 )
  and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < $1)
  and RES.SUSPENSION_STATE_ = 1
  and (((RES.EXCLUSIVE_ = true
        and not exists(
          select J2.ID_ from ACT_RU_JOB J2
          where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
          and (J2.EXCLUSIVE_ = true)
          and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= $1)
        ))
      or RES.EXCLUSIVE_ = false))
order by RES.PRIORITY_ desc
LIMIT $2 OFFSET $3;
