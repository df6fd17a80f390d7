-- How many people are in each customer group, kept from WeCom's add_member/del_member
-- callbacks (MemChangeCnt); a group not yet counted is estimated by the hub's members in it.
CREATE TABLE group_member_count (
    chat_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    members    INT         NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
